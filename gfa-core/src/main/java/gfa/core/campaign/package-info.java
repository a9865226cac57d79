/**
 * The lab's side of an active-learning campaign (docs/method.md §7): results files of cast alloys, their
 * labels, and the append-only ledger that keeps every result a campaign was given, each line
 * chained to the one before it by its hash so that an edit by hand is noticed.
 */
package gfa.core.campaign;
