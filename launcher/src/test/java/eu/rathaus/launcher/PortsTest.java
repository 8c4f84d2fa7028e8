package eu.rathaus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void busyPortIsDetectedAndReportedWithItsVariable() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      StackConfig config =
          StackConfig.fromEnvironment(
              Path.of("/srv/rathaus"), Map.of("RATHAUS_PORTAL_PORT", Integer.toString(port)));

      assertThat(Ports.isFree(port)).isFalse();
      assertThat(Ports.isListening(port)).isTrue();
      assertThat(Ports.firstBusy(config, List.of(Component.PORTAL))).contains(Component.PORTAL);
      assertThat(Ports.busyMessage(config, Component.PORTAL))
          .isEqualTo(
              "Port "
                  + port
                  + " (Portal (WildFly HTTP)) ist belegt / port "
                  + port
                  + " is in use – set RATHAUS_PORTAL_PORT.");
    }
  }

  @Test
  void freePortIsFree() {
    int port = Ports.freePort();

    assertThat(Ports.isFree(port)).isTrue();
    assertThat(Ports.isListening(port)).isFalse();
  }
}
