/**
 * Geometry of a ternary system A-B-C (docs/method.md §6): the grid of compositions in steps of a whole
 * at.%, neighbours on the triangular lattice, connected regions of marked points, and the
 * projection onto a triangle for plots.
 */
package gfa.core.ternary;
