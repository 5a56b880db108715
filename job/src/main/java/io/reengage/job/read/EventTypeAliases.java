package io.reengage.job.read;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Event type names: the rules, {@code --engagement-types} and the summary use Pinpoint's; SES's
 * names of the two engagement types are accepted as aliases (SPEC.md, "Type names").
 */
public final class EventTypeAliases {

  public static final String OPEN = "_email.open";
  public static final String CLICK = "_email.click";

  private EventTypeAliases() {}

  /** The Pinpoint name for a type given by the user: {@code Open} and {@code Click} are mapped. */
  public static String canonical(String type) {
    return switch (type) {
      case SesFields.OPEN -> OPEN;
      case SesFields.CLICK -> CLICK;
      default -> type;
    };
  }

  /** Each type under its Pinpoint name, in the given order, without repeats. */
  public static Set<String> canonical(Iterable<String> types) {
    Set<String> result = new LinkedHashSet<>();
    for (String t : types) {
      result.add(canonical(t));
    }
    return result;
  }
}
