/** Compositions, elements and their data tables, datasets and labels, pruning and ternary geometry. */
package gfa.core;
