package shop.kefu.wechat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two formats WeChat pushes in (the console's "数据格式": JSON or XML), read into the flat field map
 * both carry ({@code ToUserName}, {@code MsgType}, {@code Encrypt}…). XML is parsed with DTDs refused
 * outright: no entity, internal or external, is ever expanded (XXE and "billion laughs").
 */
final class PushFormat {

    private PushFormat() {
    }

    static boolean isXml(String body) {
        return body.stripLeading().startsWith("<");
    }

    static Map<String, String> read(ObjectMapper mapper, String body) {
        return isXml(body) ? xml(body) : json(mapper, body);
    }

    static Map<String, String> json(ObjectMapper mapper, String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (Exception e) {
            throw new BadPush("the body is neither XML nor JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadPush("the body is not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        root.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                fields.put(f.getKey(), f.getValue().asText());
            }
        });
        return fields;
    }

    static Map<String, String> xml(String body) {
        Element root;
        try {
            root = builder().parse(new InputSource(new StringReader(body))).getDocumentElement();
        } catch (Exception e) {
            throw new BadPush("the XML does not parse (or declares a DTD)");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                fields.put(e.getTagName(), e.getTextContent());
            }
        }
        return fields;
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }
}
