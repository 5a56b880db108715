package io.reengage.infra;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * Service principals for role trust policies, limited to calls made on behalf of this account (and,
 * where the resource is known, this resource) so that the service cannot be used as a confused
 * deputy.
 */
public final class Trust {

  private Trust() {}

  /** {@code service} acting for this account. */
  public static IPrincipal service(Construct scope, String service) {
    return new ServicePrincipal(service)
        .withConditions(
            Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(scope).getAccount())));
  }

  /** {@code service} acting for this account and for the resource {@code sourceArn}. */
  public static IPrincipal service(Construct scope, String service, String sourceArn) {
    Map<String, Object> conditions = new HashMap<>();
    conditions.put("StringEquals", Map.of("aws:SourceAccount", Stack.of(scope).getAccount()));
    conditions.put("ArnEquals", Map.of("aws:SourceArn", sourceArn));
    return new ServicePrincipal(service).withConditions(conditions);
  }
}
