package shop.kefu.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import shop.kefu.security.Roles;

/** The managers' report: GET /api/reports/service?from=2026-11-01&to=2026-11-30 (docs/api.md). */
@Path("/api/reports")
public class ReportResource {

    @Inject
    ServiceReports reports;

    @GET
    @Path("/service")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public ServiceReport service(@QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.of(from, to);
    }

    /**
     * The unanswered questions of the range alone, grouped as in the report: the editor console's gaps
     * view, for editors who may not read the rest of the report.
     */
    @GET
    @Path("/gaps")
    @RolesAllowed({ Roles.EDITOR, Roles.MANAGER, Roles.ADMIN })
    public ServiceReport.Unanswered gaps(@QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.gaps(from, to);
    }
}
