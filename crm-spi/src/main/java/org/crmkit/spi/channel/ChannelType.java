package org.crmkit.spi.channel;

/**
 * The outbound channels a {@link MessageChannel} can send on.
 *
 * @since 0.1
 */
public enum ChannelType {
    /** E-mail to an e-mail address. */
    EMAIL,
    /** A text message to a phone number. */
    SMS,
    /** A phone call to a phone number. */
    PHONE,
    /** A letter to a postal address. */
    LETTER,
    /** A message shown in the customer's web account (self-service portal). */
    WEB
}
