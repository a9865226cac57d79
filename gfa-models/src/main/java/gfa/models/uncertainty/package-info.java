/**
 * Trust in a prediction: calibrated intervals and the probability of a bulk glass from conformal
 * residuals of leave-system-out cross-validation ({@link gfa.models.uncertainty.PredictiveCalibration}),
 * an honest check of their coverage ({@link gfa.models.uncertainty.CalibrationCheck}), and the
 * distance of a composition to the alloys the model learnt from ({@link gfa.models.uncertainty.DomainIndex}).
 * See docs/trust.md.
 */
package gfa.models.uncertainty;
