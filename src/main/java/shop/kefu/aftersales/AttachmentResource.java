package shop.kefu.aftersales;

import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import shop.kefu.common.Refusal;
import shop.kefu.security.Roles;

@Path("/api/attachments")
public class AttachmentResource {

    @Inject
    Attachments attachments;

    @POST
    @RolesAllowed(Roles.SHOPPER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestResponse<Map<String, Object>> upload(@RestForm("file") FileUpload file, SecurityContext who) {
        if (file == null) {
            throw Refusal.invalid("missing_file", "Send the image as the multipart form field 'file'.");
        }
        Attachment a = attachments.store(who.getUserPrincipal().getName(), file.uploadedFile(), file.fileName());
        return RestResponse.status(RestResponse.Status.CREATED,
                Map.of("id", a.id, "contentType", a.contentType, "size", a.sizeBytes));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SHOPPER, Roles.AGENT, Roles.ADMIN })
    public RestResponse<java.io.File> get(@PathParam("id") String id, SecurityContext who) {
        boolean staff = who.isUserInRole(Roles.AGENT) || who.isUserInRole(Roles.ADMIN);
        Attachment a = attachments.visibleTo(id, who.getUserPrincipal().getName(), staff)
                .orElseThrow(() -> Refusal.notFound("No attachment '" + id + "'."));
        return RestResponse.ResponseBuilder.ok(attachments.file(a).toFile(), a.contentType)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
