package eu.rathaus.web.office;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rathaus.identity.CurrentUser;
import eu.rathaus.web.session.SessionUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StaffAreaFilterTest {

  private static final UUID MUSTERSTADT = UUID.randomUUID();

  /** Runs the filter for a session; returns the status sent, or 0 if the page was served. */
  private static int statusFor(SessionUser session) throws Exception {
    StaffAreaFilter filter = new StaffAreaFilter();
    filter.sessionUser = session;
    AtomicInteger status = new AtomicInteger();
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                StaffAreaFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> null);
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                StaffAreaFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("sendError")) {
                    status.set((Integer) args[0]);
                  }
                  return null;
                });
    filter.doFilter(request, response, (req, res) -> status.compareAndSet(0, 0));
    return status.get();
  }

  private static SessionUser staff(boolean suspended) {
    SessionUser session = new SessionUser();
    session.signIn(
        new CurrentUser("sub-1", "mia", "Mia", null, Set.of("clerk"), List.of("musterstadt")),
        "token",
        MUSTERSTADT,
        "Musterstadt",
        suspended);
    return session;
  }

  @Test
  void staffOfAnActiveMunicipalityGetThePage() throws Exception {
    assertThat(statusFor(staff(false))).isZero();
  }

  @Test
  void staffOfASuspendedMunicipalityAreForbiddenEverywhere() throws Exception {
    assertThat(statusFor(staff(true))).isEqualTo(403);
  }

  @Test
  void citizensAndStrangersAreForbidden() throws Exception {
    SessionUser citizen = new SessionUser();
    citizen.signIn(
        new CurrentUser("sub-2", "erika", "Erika", null, Set.of("citizen"), List.of()),
        "token",
        null,
        null,
        false);
    assertThat(statusFor(citizen)).isEqualTo(403);
    assertThat(statusFor(new SessionUser())).isEqualTo(403);
  }
}
