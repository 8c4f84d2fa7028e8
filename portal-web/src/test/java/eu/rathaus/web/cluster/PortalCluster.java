package eu.rathaus.web.cluster;

import java.sql.Connection;

/** Two or more portal nodes behind one load balancer, as the failover journey needs them. */
interface PortalCluster extends AutoCloseable {

  /** The load balancer's address (the portal's public URL). */
  String portalUrl();

  /**
   * {@code kill -9} of the node HAProxy calls {@code node}: no shutdown hook, no goodbye to the
   * cluster.
   */
  void kill(String node) throws Exception;

  /** A superuser connection to the portal's database, to check what was stored. */
  Connection superuser() throws Exception;

  /** Key of a published Musterstadt Meldebescheinigung service. */
  String meldebescheinigung() throws Exception;

  /** Whether a mail mentioning {@code marker} reached the mail catcher within {@code millis}. */
  boolean mailArrived(String to, String marker, long millis) throws Exception;
}
