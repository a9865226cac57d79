/**
 * gfa as a Java library with Tablesaw tables in and out: {@link gfa.api.GlassFormingAbility} is
 * the entry point (featurise, train, load), {@link gfa.api.DmaxModel} predicts tables and ternary
 * systems. See docs/api.md. The only package of gfa that uses Tablesaw; no command loads it.
 */
package gfa.api;
