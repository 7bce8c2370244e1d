package shop.kefu.aftersales;

import java.util.Map;

import org.eclipse.microprofile.jwt.JsonWebToken;
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
    @Inject
    AttachmentUses uses;
    @Inject
    StaffAttachmentAccess staffAccess;
    @Inject
    JsonWebToken jwt;

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

    /**
     * Its shopper sees it; another shopper gets the answer of a missing one. Staff see it by the rule for
     * conversations: through a conversation it was sent in (or is evidence in) that they may open.
     */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SHOPPER, Roles.AGENT, Roles.ADMIN })
    public RestResponse<java.io.File> get(@PathParam("id") String id, SecurityContext who) {
        Attachment a = attachments.find(id).orElseThrow(() -> missing(id));
        boolean owner = who.isUserInRole(Roles.SHOPPER) && a.customerId.equals(who.getUserPrincipal().getName());
        if (!owner) {
            if (!who.isUserInRole(Roles.AGENT) && !who.isUserInRole(Roles.ADMIN)) {
                throw missing(id);
            }
            staffAccess.checkMayOpenAny(jwt, uses.conversationsOf(a.id));
        }
        java.nio.file.Path file = attachments.file(a).orElseThrow(() -> missing(id));
        return RestResponse.ResponseBuilder.ok(file.toFile(), a.contentType)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static Refusal missing(String id) {
        return Refusal.notFound("No attachment '" + id + "'.");
    }
}
