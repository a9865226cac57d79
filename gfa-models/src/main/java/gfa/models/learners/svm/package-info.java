/**
 * gfa's own epsilon support vector regression with an RBF kernel: the kernel matrix of a fit
 * ({@link gfa.models.learners.svm.KernelMatrix}, from {@link gfa.models.learners.svm.SquaredDistances}),
 * libsvm's dual solved by SMO with second-order working-set selection
 * ({@link gfa.models.learners.svm.EpsilonSvrSolver}), and the fitted function evaluated with the
 * support vectors as one matrix ({@link gfa.models.learners.svm.RbfExpansion}).
 */
package gfa.models.learners.svm;
