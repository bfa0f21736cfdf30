package dev.shopstream.admin.services;

import dev.shopstream.admin.signin.CurrentStaff;
import dev.shopstream.admin.web.Correlation;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Every call to a service carries the signed-in staff member's own access token, so the service applies that
 * person's roles and records them in its audit trail, and the console request's correlation id, so one id finds
 * the console's and the service's log lines. Registered on each Rest Client by configuration.
 */
public class StaffBearerToken implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        CurrentStaff staff = CDI.current().select(CurrentStaff.class).get();
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + staff.accessToken());
        request.getHeaders().putSingle(Correlation.HEADER, CDI.current().select(Correlation.class).get().id());
    }
}
