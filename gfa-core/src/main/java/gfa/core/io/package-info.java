/**
 * Files at the edges: CSV tables read as text and written as RFC 4180, lists of formulas, and
 * atomic publication of files and output directories.
 */
package gfa.core.io;
