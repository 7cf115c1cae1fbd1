# Reference values for the design effect of a proportion (svyprop's `Estimate.deff`) where R's
# `deff = TRUE` is not a finite positive number, from R survey itself (R 4.2.2, survey 4.1-1).
# Run from the repository root:
#   Rscript tests/reference/r-survey-deff/generate.R > tests/reference/r-survey-deff/reference.json
# deff = TRUE divides the variance by that of a simple random sample of the same size n drawn
# without replacement from N̂ = Σw (svymean.survey.design2: svyvar·(N̂ − n)/(N̂·n); on a replicate
# design svymean.svyrep.design: svyvar/n·(N̂ − n)/N̂). Without weights R takes every row's weight as 1,
# so N̂ = n and the design effect is Inf; with weights rescaled to average 1, a group whose weights
# sum to less than its rows gets NA (with the warning "Sample size greater than population size")
# on a linearised design and a negative number on a replicate design. deff = "replace" (with
# replacement, s²/n) is written too: it is finite in all these cases.
suppressMessages(library(survey))
source("tests/reference/json.R")
here <- "tests/reference/r-survey-deff"

# R survey's two cluster samples of California schools (data(api), as ../r-survey-numeric/ and
# ../r-survey-multistage/ exported them); apiclus2's weights rescaled to average 1 and its JK1
# replicate weights of that rescaled design, written here with 17 significant digits and read back.
apiclus1 <- read.csv("tests/reference/r-survey-numeric/apiclus1.csv")
apiclus2 <- read.csv("tests/reference/r-survey-multistage/apiclus2.csv")
rescaled <- svydesign(ids = ~dnum, weights = ~w, data = transform(apiclus2, w = pw / mean(pw)))
jk1 <- as.svrepdesign(rescaled, type = "JK1")
out <- apiclus2[, c("dnum", "stype", "awards")]
out$w <- sprintf("%.17g", jk1$pweights)
replicates <- as.matrix(weights(jk1, "analysis"))
for (r in seq_len(ncol(replicates))) out[[paste0("rw", r)]] <- sprintf("%.17g", replicates[, r])
write.csv(out, file.path(here, "apiclus2_rescaled.csv"), row.names = FALSE, na = "")
rescaled_data <- read.csv(file.path(here, "apiclus2_rescaled.csv"))

designs <- list(
  # One-stage cluster sample with neither weights nor fpc: R assumes equal probability 1, N̂ = n, deff Inf.
  apiclus1_unweighted = suppressWarnings(svydesign(ids = ~dnum, data = apiclus1)),
  # The same sample with its fpc: the weights N/n make N̂ the population size, deff finite.
  apiclus1_fpc = svydesign(ids = ~dnum, fpc = ~fpc, data = apiclus1),
  # Weights rescaled to average 1: Σw = n for the whole sample, above or below n in a group.
  apiclus2_rescaled = svydesign(ids = ~dnum, weights = ~w, data = rescaled_data),
  apiclus2_rescaled_jk1 = svrepdesign(data = rescaled_data, repweights = "^rw[0-9]+$", weights = ~w, type = "JK1", combined.weights = TRUE, scale = jk1$scale)
)
data_of <- c(apiclus1_unweighted = "apiclus1", apiclus1_fpc = "apiclus1", apiclus2_rescaled = "apiclus2_rescaled", apiclus2_rescaled_jk1 = "apiclus2_rescaled")

# One proportion on a (sub)design: estimate, SE, deff = TRUE and "replace", n, and svyciprop's logit limits.
proportion <- function(des, expr) {
  f <- as.formula(paste0("~as.numeric(", expr, ")"))
  m <- suppressWarnings(svymean(f, des, deff = TRUE))
  replace <- svymean(f, des, deff = "replace")
  ci <- attr(svyciprop(as.formula(paste0("~", expr)), des, method = "logit"), "ci")
  obj(proportion = num(coef(m)), se = num(SE(m)), deff = num(deff(m)), deff_replace = num(deff(replace)),
      degf = num(degf(des)), n = num(nrow(des)), methods = str("logit"), lower = num(ci[[1]]), upper = num(ci[[2]]))
}

questions <- list(list(id = "awards", category = "Yes", by = "stype"), list(id = "stype", category = "H", by = "awards"))
for (name in names(designs)) {
  des <- designs[[name]]
  for (p in questions) {
    expr <- sprintf('%s == "%s"', p$id, p$category)
    groups <- sort(unique(as.character(des$variables[[p$by]])))
    by <- sapply(groups, function(g) proportion(subset(des, des$variables[[p$by]] == g), expr))
    # svyby's own deff per group, to show it is the subset's svymean deff (R's warning for NA silenced).
    svyby_deff <- deff(suppressWarnings(svyby(as.formula(paste0("~as.numeric(", expr, ")")), as.formula(paste0("~", p$by)), des, svymean, deff = TRUE)))
    add(design = q(name), data = q(data_of[[name]]), question = q(p$id), category = q(p$category), by = q(p$by), groups = str(groups),
        whole = proportion(des, expr), groupwise = paste0("[", paste(by, collapse = ","), "]"), svyby_deff = num(svyby_deff))
  }
}

cat("{\n\"generator\":", q(paste(R.version.string, "/ survey", packageVersion("survey"))),
    ",\n\"cases\":[\n", paste(cases, collapse = ",\n"), "\n]}\n", sep = "")
