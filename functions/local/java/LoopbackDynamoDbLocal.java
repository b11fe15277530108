import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts Amazon DynamoDB Local (same command-line options as its jar) with its HTTP connector bound
 * to 127.0.0.1 instead of every interface: DynamoDB Local has no host option, and it has no
 * authentication, so on 0.0.0.0 anyone on the network could read and write every plan.
 *
 * How: ServerRunner.createServer builds the DynamoDBProxyServer around a Jetty Server whose
 * connector is not bound yet; its private field "server" is read by reflection and each
 * ServerConnector gets host 127.0.0.1 before start(). The process also exits when its parent (the
 * coop-plans Node process) dies, so a killed `npm start` never leaves an orphan on the data folder;
 * exiting runs the shutdown hook, which stops Jetty and closes the SQLite file cleanly.
 * Exit code 3 when the connector cannot be bound to loopback (the jar changed): the caller falls
 * back and says so.
 */
public final class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    CommandLineInput input = new CommandLineInput(args);
    if (!input.init()) System.exit(2);
    DynamoDBProxyServer proxy = ServerRunner.createServer(input);
    try {
      Field field = DynamoDBProxyServer.class.getDeclaredField("server");
      field.setAccessible(true);
      Server server = (Server) field.get(proxy);
      Connector[] connectors = server.getConnectors();
      if (connectors.length == 0) throw new IllegalStateException("no connector");
      for (Connector c : connectors) ((ServerConnector) c).setHost("127.0.0.1");
    } catch (Exception | LinkageError e) {
      System.err.println("coop-plans: cannot bind DynamoDB Local to 127.0.0.1: " + e);
      System.exit(3);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        proxy.stop();
      } catch (Exception e) {
        // exiting anyway
      }
    }));
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    proxy.start();
    System.out.println("coop-plans: DynamoDB Local listening on 127.0.0.1:" + input.getPort());
  }
}
