package io.reengage.job.rules;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event types that count as engagement (rule 1), given and not the delivery type. All a daily
 * rollup depends on: windows are applied when days are combined, so rollups need no {@link
 * RuleParameters}.
 *
 * @param engagement the engagement types, e.g. {@code _email.open} and {@code _email.click}
 */
public record EngagementTypes(Set<String> engagement) implements Serializable {

  public EngagementTypes {
    if (engagement == null || engagement.isEmpty()) {
      throw new IllegalArgumentException("Invalid engagement types: none given");
    }
    if (engagement.contains(RuleParameters.DELIVERED)) {
      throw new IllegalArgumentException(
          "Invalid engagement types: "
              + RuleParameters.DELIVERED
              + " is the delivery type, not an engagement");
    }
    engagement = Set.copyOf(engagement);
  }

  /** Every event type the rules look at: the delivery type, then the engagement types. */
  public Set<String> counted() {
    Set<String> types = new LinkedHashSet<>();
    types.add(RuleParameters.DELIVERED);
    types.addAll(engagement);
    return types;
  }

  /** The engagement types in a stable order, as markers and summaries record them. */
  public List<String> sorted() {
    return engagement.stream().sorted().toList();
  }
}
