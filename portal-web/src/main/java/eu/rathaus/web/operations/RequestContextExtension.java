package eu.rathaus.web.operations;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link RequestContextHandler} around every request of the portal, outside the authentication
 * mechanism (registered in {@code META-INF/services/io.undertow.servlet.ServletExtension}).
 */
public class RequestContextExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
    Telemetry telemetry = new Telemetry();
    deploymentInfo.addOuterHandlerChainWrapper(next -> new RequestContextHandler(next, telemetry));
  }
}
