# Reference values for svyciprop(method = "logit") on replicate designs where a replicate's
# proportion is 0 or 1 (a rare category that some replicates do not hold), from R survey itself
# (R 4.2.2, survey 4.1-1). Run from the repository root:
#   Rscript tests/reference/r-survey-replicate-logit/generate.R > tests/reference/r-survey-replicate-logit/reference.json
# svyciprop's logit interval on a replicate design is expit(β̂ ± t·SE), SE from svyglm's refit of
# y ~ 1 on every replicate (glm.fit from the full-sample β̂); where the replicate has no "yes" the
# refit stops near −23 instead of −∞. Data: R survey's apiclus1 (15 districts) with its year-round
# schools (yr.rnd: 9 schools in 3 districts; among the schools without an award, one school in
# district 716), written here with its JK1 replicate weights (jk1 … jk15) and 50 bootstrap replicate
# weights (bs1 … bs50, seed 20261202) with 17 significant digits, and read back.
suppressMessages(library(survey))
source("tests/reference/json.R")
here <- "tests/reference/r-survey-replicate-logit"
data(api)

clusters <- svydesign(ids = ~dnum, weights = ~pw, data = apiclus1)
jk1 <- as.svrepdesign(clusters, type = "JK1")
set.seed(20261202)
boot <- as.svrepdesign(clusters, type = "bootstrap", replicates = 50)
out <- data.frame(dnum = apiclus1$dnum, stype = apiclus1$stype, awards = apiclus1$awards, yr_rnd = apiclus1$yr.rnd, pw = sprintf("%.17g", apiclus1$pw))
analysis <- function(des) as.matrix(weights(des, "analysis"))
for (r in seq_len(ncol(analysis(jk1)))) out[[paste0("jk", r)]] <- sprintf("%.17g", analysis(jk1)[, r])
for (r in seq_len(ncol(analysis(boot)))) out[[paste0("bs", r)]] <- sprintf("%.17g", analysis(boot)[, r])
write.csv(out, file.path(here, "apiclus1_yr_rnd.csv"), row.names = FALSE, na = "")
d <- read.csv(file.path(here, "apiclus1_yr_rnd.csv"))

designs <- list(
  jk1 = svrepdesign(data = d, repweights = "^jk[0-9]+$", weights = ~pw, type = "JK1", combined.weights = TRUE, scale = jk1$scale),
  jk1_mse = svrepdesign(data = d, repweights = "^jk[0-9]+$", weights = ~pw, type = "JK1", combined.weights = TRUE, scale = jk1$scale, mse = TRUE),
  bootstrap = svrepdesign(data = d, repweights = "^bs[0-9]+$", weights = ~pw, type = "bootstrap", combined.weights = TRUE, scale = boot$scale),
  bootstrap_mse = svrepdesign(data = d, repweights = "^bs[0-9]+$", weights = ~pw, type = "bootstrap", combined.weights = TRUE, scale = boot$scale, mse = TRUE)
)
settings <- list(jk1 = obj(pattern = q("^jk[0-9]+$"), type = q("JK1"), scale = num(jk1$scale), mse = "false"),
                 jk1_mse = obj(pattern = q("^jk[0-9]+$"), type = q("JK1"), scale = num(jk1$scale), mse = "true"),
                 bootstrap = obj(pattern = q("^bs[0-9]+$"), type = q("bootstrap"), scale = num(boot$scale), mse = "false"),
                 bootstrap_mse = obj(pattern = q("^bs[0-9]+$"), type = q("bootstrap"), scale = num(boot$scale), mse = "true"))

# One category of yr_rnd on a (sub)design: the proportion, each replicate's proportion and svyglm
# coefficient, the logit SE, df and svyciprop's logit limits (glm.fit's warnings about fitted
# probabilities of 0 or 1 are those replicates').
proportion <- function(des, category) {
  expr <- sprintf('yr_rnd == "%s"', category)
  m <- svymean(as.formula(paste0("~as.numeric(", expr, ")")), des, return.replicates = TRUE)
  fit <- suppressWarnings(svyglm(as.formula(paste0("I(", expr, ") ~ 1")), des, family = quasibinomial, return.replicates = TRUE))
  ci <- attr(suppressWarnings(svyciprop(as.formula(paste0("~I(", expr, ")")), des, method = "logit")), "ci")
  obj(proportion = num(m$mean), replicate_proportions = num(m$replicates), coefficient = num(coef(fit)),
      replicate_coefficients = num(fit$replicates), logit_se = num(SE(fit)), degf = num(degf(des)), n = num(nrow(des)),
      lower = num(ci[[1]]), upper = num(ci[[2]]))
}

for (name in names(designs)) {
  des <- designs[[name]]
  for (category in c("Yes", "No")) {
    groups <- sort(unique(des$variables$awards))
    by <- sapply(groups, function(g) proportion(des[des$variables$awards == g, ], category))
    add(design = q(name), category = q(category), by = q("awards"), groups = str(groups), whole = proportion(des, category),
        groupwise = paste0("[", paste(by, collapse = ","), "]"))
  }
}

cat("{\n\"generator\":", q(paste(R.version.string, "/ survey", packageVersion("survey"))), ",\n\"settings\":",
    do.call(obj, settings), ",\n\"cases\":[\n", paste(cases, collapse = ",\n"), "\n]}\n", sep = "")
