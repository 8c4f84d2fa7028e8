package eu.rathaus.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;

/**
 * Port probes used before anything starts, so a conflict is reported in one sentence instead of a
 * stack trace.
 */
public final class Ports {

  private Ports() {}

  /**
   * True if nothing listens on {@code 127.0.0.1:port}. Probed by binding (not by connecting),
   * because binding is exactly what the component will do next. SO_REUSEADDR is on, as in
   * PostgreSQL, Keycloak and WildFly: otherwise connections in TIME_WAIT from the previous run make
   * a port look busy that the servers can bind without trouble.
   */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True if something accepts TCP connections on {@code 127.0.0.1:port}. */
  public static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The first component whose port is taken, if any. */
  public static Optional<Component> firstBusy(StackConfig config, Iterable<Component> components) {
    for (Component component : components) {
      if (!isFree(config.port(component))) {
        return Optional.of(component);
      }
    }
    return Optional.empty();
  }

  /** The console sentence for a busy port, naming the variable that moves it. */
  public static String busyMessage(StackConfig config, Component component) {
    int port = config.port(component);
    return "Port "
        + port
        + " ("
        + component.label()
        + ") ist belegt / port "
        + port
        + " is in use – set "
        + component.envVar()
        + ".";
  }

  /** A currently free ephemeral port; for tests that need a port nobody else picked. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("Kein freier Port / no free port", e);
    }
  }
}
