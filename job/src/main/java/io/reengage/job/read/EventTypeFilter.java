package io.reengage.job.read;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The event types a read keeps. Everything else is counted as ignored and never validated further.
 *
 * <p>Kept types are mapped to one shared String instance each, so millions of events carry a
 * handful of strings rather than a copy per record.
 */
public final class EventTypeFilter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> canonical = new HashMap<>();

  public EventTypeFilter(Set<String> types) {
    for (String type : types) {
      canonical.put(type, type);
    }
  }

  public boolean wants(String type) {
    return canonical.containsKey(type);
  }

  String canonical(String type) {
    return canonical.get(type);
  }

  @Override
  public String toString() {
    return canonical.keySet().toString();
  }
}
