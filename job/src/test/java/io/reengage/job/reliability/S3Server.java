package io.reengage.job.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;
import org.jclouds.rest.AuthorizationException;

/**
 * An S3-compatible server in this JVM: s3proxy over jclouds' in-memory blob store, with a
 * switchable fault in front of the store so a test can make it answer 503, deny access or fail from
 * some request on. The test itself reads and writes the store directly, never through the server.
 */
final class S3Server implements AutoCloseable {

  /** Decides, per blob-store call, whether to fail it; returns the failure or null. */
  interface Fault {
    RuntimeException on(String method, Object[] args);
  }

  static final Fault NONE = (method, args) -> null;

  // Calls made for bookkeeping rather than for a request; never failed.
  private static final Set<String> PASS_THROUGH =
      Set.of("getContext", "toString", "hashCode", "equals", "blobBuilder");

  private final BlobStoreContext context;
  private final BlobStore store;
  private final S3Proxy proxy;
  private volatile Fault fault = NONE;
  private final AtomicInteger injected = new AtomicInteger();

  private S3Server() throws Exception {
    context =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .overrides(new Properties())
            .build(BlobStoreContext.class);
    store = context.getBlobStore();
    BlobStore faulty =
        (BlobStore)
            Proxy.newProxyInstance(
                BlobStore.class.getClassLoader(),
                new Class<?>[] {BlobStore.class},
                (self, method, args) -> {
                  if (!PASS_THROUGH.contains(method.getName())) {
                    RuntimeException failure = fault.on(method.getName(), args);
                    if (failure != null) {
                      injected.incrementAndGet();
                      throw failure;
                    }
                  }
                  try {
                    return method.invoke(store, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    proxy =
        S3Proxy.builder()
            .blobStore(faulty)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.NONE, null, null)
            .build();
    proxy.start();
    long deadline = System.currentTimeMillis() + 10_000;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
  }

  static S3Server start() throws Exception {
    return new S3Server();
  }

  String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  void fault(Fault f) {
    fault = f;
  }

  /** How many calls the fault has failed so far. */
  int injected() {
    return injected.get();
  }

  static RuntimeException serviceUnavailable() {
    return new HttpResponseException(
        "injected fault",
        null,
        HttpResponse.builder().statusCode(503).message("Slow Down").build());
  }

  static RuntimeException accessDenied() {
    return new AuthorizationException("injected fault");
  }

  /** The object name a blob-store call is about, or null when it names none. */
  static String objectName(String method, Object[] args) {
    if (args == null || args.length < 2) {
      return null;
    }
    if (args[1] instanceof String name) {
      return name;
    }
    if (args[1] instanceof Blob blob) {
      return blob.getMetadata().getName();
    }
    return null;
  }

  void createBucket(String bucket) {
    store.createContainerInLocation(null, bucket);
  }

  /** Uploads every file under {@code dir} as {@code prefix + relative path}, byte for byte. */
  void upload(String bucket, String prefix, Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(p);
        String key = prefix + dir.relativize(p).toString().replace('\\', '/');
        store.putBlob(
            bucket, store.blobBuilder(key).payload(bytes).contentLength(bytes.length).build());
      }
    }
  }

  /** Every object (directory markers included) under {@code prefix}, by name. */
  TreeMap<String, byte[]> objects(String bucket, String prefix) throws IOException {
    TreeMap<String, byte[]> result = new TreeMap<>();
    String marker = null;
    do {
      ListContainerOptions options = ListContainerOptions.Builder.recursive().prefix(prefix);
      if (marker != null) {
        options.afterMarker(marker);
      }
      PageSet<? extends StorageMetadata> page = store.list(bucket, options);
      for (StorageMetadata m : page) {
        Blob blob = store.getBlob(bucket, m.getName());
        byte[] bytes = new byte[0];
        if (blob != null && blob.getPayload() != null) {
          try (InputStream in = blob.getPayload().openStream()) {
            bytes = in.readAllBytes();
          }
        }
        result.put(m.getName(), bytes);
      }
      marker = page.getNextMarker();
    } while (marker != null);
    return result;
  }

  /**
   * Points S3A at this server for one bucket (per-bucket options, so buckets of other tests keep
   * theirs), with retries kept short so a failing test ends in seconds.
   */
  void configure(Configuration conf, String bucket) {
    configure(conf, bucket, endpoint());
  }

  static void configure(Configuration conf, String bucket, String endpoint) {
    String b = "fs.s3a.bucket." + bucket + ".";
    conf.set(b + "endpoint", endpoint);
    conf.set(b + "endpoint.region", "us-east-1");
    conf.set(b + "path.style.access", "true");
    conf.set(b + "connection.ssl.enabled", "false");
    conf.set(
        b + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set(b + "access.key", "test-access-key");
    conf.set(b + "secret.key", "test-secret-key");
    conf.set(b + "attempts.maximum", "2");
    conf.set(b + "retry.limit", "3");
    conf.set(b + "retry.interval", "50ms");
    conf.set(b + "retry.throttle.limit", "4");
    conf.set(b + "retry.throttle.interval", "50ms");
    conf.set(b + "connection.establish.timeout", "2000");
    conf.set(b + "connection.timeout", "5000");
  }

  /** A local port nothing listens on: a server that is gone. */
  static int deadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
