/**
 * The four regression algorithms of the paper (docs/method.md §4) behind one {@link
 * gfa.models.learners.Learner} interface: {@link gfa.models.learners.SvrLearner} and {@link
 * gfa.models.learners.RandomForestLearner} on Smile, {@link gfa.models.learners.XgboostLearner} on
 * XGBoost4J and {@link gfa.models.learners.LightgbmLearner} on LightGBM4J. Each declares its docs/method.md
 * §4 search space as a {@link gfa.models.learners.ParamSpace} of {@link
 * gfa.models.learners.QRange}s under the names scikit-learn, xgboost and lightgbm use, and maps
 * them onto its library as tabulated in {@code docs/learners.md}. A fit is a pure function of the
 * data, the parameters and the seed; a {@link gfa.models.learners.FittedModel} is immutable and
 * saved in its library's own format.
 */
package gfa.models.learners;
