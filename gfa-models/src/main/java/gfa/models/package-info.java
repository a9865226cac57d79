/** Learners, hyperparameter search (TPE), fusion and evaluation. */
package gfa.models;
