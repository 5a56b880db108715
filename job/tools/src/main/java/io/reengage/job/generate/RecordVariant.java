package io.reengage.job.generate;

/**
 * How one record departs from the usual shape: the ways an SES record may write its time and its
 * {@code delivery.recipients}, and an open forced to be a machine open of a given kind. Edge cases
 * set them to put each form at a window boundary; the planner sets {@link #recipients} for an SES
 * delivery to several recipients of one message.
 *
 * @param time how an SES record writes its event time
 * @param recipientsForm how an SES delivery writes {@code delivery.recipients}
 * @param recipients with {@link RecipientsForm#SUBSET}: indexes into the message's destination
 * @param machine the kind of machine open an open is, or null to leave it to the configured share
 */
record RecordVariant(
    IsoTimes.Form time, RecipientsForm recipientsForm, int[] recipients, MachineOpenKind machine) {

  /** How an SES Delivery names its recipients. */
  enum RecipientsForm {
    /** The event's one recipient (Pinpoint-style one delivery per recipient). */
    ONE,
    /** The listed indexes: one SMTP transaction for several recipients of the message. */
    SUBSET,
    /** Every element of {@code mail.destination}, as written (edge cases mirror Pinpoint's). */
    WHOLE_DESTINATION,
    /** {@code "recipients":null}: the reader falls back to {@code mail.destination}. */
    JSON_NULL,
    /** No {@code recipients} key: the reader falls back to {@code mail.destination}. */
    MISSING
  }

  static RecordVariant time(IsoTimes.Form time) {
    return new RecordVariant(time, RecipientsForm.WHOLE_DESTINATION, null, null);
  }

  static RecordVariant group(int[] recipients) {
    return new RecordVariant(IsoTimes.Form.MILLIS, RecipientsForm.SUBSET, recipients, null);
  }

  RecordVariant withRecipients(RecipientsForm form, int... indexes) {
    return new RecordVariant(time, form, indexes, machine);
  }

  RecordVariant withMachine(MachineOpenKind kind) {
    return new RecordVariant(time, recipientsForm, recipients, kind);
  }
}
