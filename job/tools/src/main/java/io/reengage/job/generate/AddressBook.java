package io.reengage.job.generate;

import java.util.SplittableRandom;

/**
 * The pool of recipient addresses, computed from the index rather than stored, so a pool of
 * millions costs no memory. Addresses use the reserved example domains (RFC 2606) so no real
 * mailbox is named, and each ends in its index, so they are unique. A few use capitals, as real
 * sign-up forms let through.
 */
final class AddressBook {

  private static final String[] FIRST = {
    "olivia",
    "liam",
    "emma",
    "noah",
    "amelia",
    "oliver",
    "ava",
    "elijah",
    "sophia",
    "lucas",
    "mia",
    "levi",
    "isabella",
    "mateo",
    "charlotte",
    "james",
    "luna",
    "henry",
    "harper",
    "kai",
    "aisha",
    "ravi",
    "mei",
    "jonas",
    "ingrid",
    "tomas",
    "fatima",
    "yuki",
    "chen",
    "leila",
    "pedro",
    "sofia",
    "anil",
    "greta",
    "omar",
    "nadia",
    "felix",
    "hana",
    "ivan",
    "zara"
  };
  private static final String[] LAST = {
    "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez",
        "martinez",
    "hernandez", "lopez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin",
        "lee",
    "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson",
        "walker",
    "young", "allen", "king", "wright", "scott", "nguyen", "hill", "flores", "green", "adams"
  };
  private static final String[] DOMAINS = {
    "example.com",
    "example.net",
    "example.org",
    "mail.example.com",
    "inbox.example.net",
    "corp.example.org",
    "students.example.edu",
    "post.example"
  };

  /** Share of addresses that start hard-bouncing at some point. */
  static final double BOUNCING_SHARE = 0.02;

  /** After its first hard bounce an address is suppressed once this grace period has passed. */
  static final long SUPPRESSION_AFTER_MILLIS = 7L * 24 * 3600 * 1000;

  private final long seed;
  private final int size;
  private final long spanStart;
  private final long spanEnd;

  AddressBook(long seed, int size, long spanStart, long spanEnd) {
    this.seed = seed;
    this.size = size;
    this.spanStart = spanStart;
    this.spanEnd = spanEnd;
  }

  int size() {
    return size;
  }

  /** The address with index {@code i}, as escaped JSON string content. */
  byte[] escapedAddress(int i) {
    return ByteSink.escape(address(i));
  }

  String address(int i) {
    SplittableRandom r = new SplittableRandom(Seeds.mix(seed, Seeds.ADDRESS, i));
    String first = FIRST[r.nextInt(FIRST.length)];
    String last = LAST[r.nextInt(LAST.length)];
    String domain = DOMAINS[r.nextInt(DOMAINS.length)];
    int style = r.nextInt(4);
    boolean capitals = r.nextInt(100) < 3;
    if (capitals) {
      first = Character.toUpperCase(first.charAt(0)) + first.substring(1);
      last = Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }
    String local =
        switch (style) {
          case 0 -> first + "." + last + "." + i;
          case 1 -> first + last + i;
          case 2 -> first.charAt(0) + "." + last + i;
          default -> first + "_" + last + "." + i;
        };
    return local + "@" + domain;
  }

  /** Facts about one address that the planner needs, drawn from the address's own seed. */
  record Traits(EngagementProfile profile, long lapseAt, long bounceAt) {
    boolean bouncesAt(long t) {
      return t >= bounceAt && t < bounceAt + SUPPRESSION_AFTER_MILLIS;
    }

    boolean suppressedAt(long t) {
      return t >= bounceAt + SUPPRESSION_AFTER_MILLIS;
    }
  }

  Traits traits(int i) {
    SplittableRandom r = new SplittableRandom(Seeds.mix(seed, Seeds.ADDRESS + 1, i));
    EngagementProfile profile = EngagementProfile.pick(r.nextDouble());
    long span = Math.max(1, spanEnd - spanStart);
    long lapseAt = spanStart + (long) (r.nextDouble() * span);
    long bounceAt =
        r.nextDouble() < BOUNCING_SHARE
            ? spanStart + (long) (r.nextDouble() * span)
            : Long.MAX_VALUE / 2;
    return new Traits(profile, lapseAt, bounceAt);
  }

  /** The Pinpoint endpoint ID of address {@code i}: 32 hex digits. */
  void writeEndpointId(int i, ByteSink out) {
    long a = Seeds.mix(seed, Seeds.ENDPOINT, i);
    out.hex(a, 16).hex(Seeds.fmix(a), 16);
  }
}
