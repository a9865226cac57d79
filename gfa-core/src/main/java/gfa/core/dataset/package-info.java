/**
 * Training data: the label rule (docs/method.md §1), datasets of compositions with a target, duplicate
 * reports merged by averaging, and the provenance of the file they came from.
 */
package gfa.core.dataset;
