/**
 * The lab's side of an active-learning campaign (METHOD §7): results files of cast alloys, their
 * labels, and the append-only ledger that keeps every result a campaign was given.
 */
package gfa.core.campaign;
