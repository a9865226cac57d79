/** Composition descriptors: one class per descriptor family, each naming its columns and citation. */
package gfa.features;
