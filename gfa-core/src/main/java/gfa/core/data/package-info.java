/**
 * gfa's own element data tables (element properties, Miedema parameters, liquid mixing enthalpies,
 * ideal radius ratios) and their loader. The tables live in {@code data/elements/} of the repository and
 * ship in the gfa-core jar under {@code gfa/data/elements/}; see {@code docs/element-data.md}.
 */
package gfa.core.data;
