# Reference values for svyprop's calibration, missing-value and domain-likelihood tests, from
# R survey itself. Run from the repository root:
#   apt-get install r-cran-survey          # Debian bookworm: R 4.2.2, survey 4.1-1
#   Rscript tests/reference/r-survey/generate.R > tests/reference/r-survey/reference.json
# Inputs are the shared oracle's CSVs in tests/oracle/data/; the population margins are made up
# (they only need to be fixed). Every number is printed with 17 significant digits.
suppressMessages(library(survey))

source("tests/reference/json.R")

read <- function(name) read.csv(file.path("tests/oracle/data", paste0("weighted_", name, ".csv")))
designs <- list(
  a_unequal = function(d) svydesign(ids = ~1, weights = ~w, data = d),
  b_stratified_fpc = function(d) svydesign(ids = ~1, strata = ~stratum, fpc = ~fpc, weights = ~w, data = d),
  c_strat_cluster = function(d) svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE, data = d)
)

# Population margins of 100 000 over the levels of group and cat found in each file.
margin <- function(levels, shares) {
  freq <- round(100000 * shares[seq_along(levels)] / sum(shares[seq_along(levels)]))
  freq[1] <- freq[1] + 100000 - sum(freq)
  freq
}
margins <- function(d) {
  groups <- sort(unique(d$group)); cats <- sort(unique(d$cat))
  list(
    group = data.frame(group = groups, Freq = margin(groups, c(3, 4, 3, 2))),
    cat = data.frame(cat = cats, Freq = margin(cats, c(30, 30, 25, 15)))
  )
}

cases <- character(0)
add <- function(...) cases <<- c(cases, obj(...))

estimates <- function(des) {
  m <- svymean(~y1, des); t <- svytotal(~y1, des)
  b <- svyby(~y1, ~cat, des, svymean)
  c(
    mean = coef(m)[[1]], mean_se = SE(m)[[1]], total = coef(t)[[1]], total_se = SE(t)[[1]],
    list(by_cat = list(groups = as.character(b$cat), estimate = coef(b), se = SE(b)))
  )
}

calibration_case <- function(dataset, kind, pop, raked) {
  e <- estimates(raked)
  ci <- svyciprop(~y1, raked, method = "logit")
  lik <- svyciprop(~y1, raked, method = "likelihood")
  add(
    dataset = sprintf('"%s"', dataset), calibration = sprintf('"%s"', kind),
    group_levels = str(pop$group$group), group_counts = num(pop$group$Freq),
    cat_levels = str(pop$cat$cat), cat_counts = num(pop$cat$Freq),
    weights = num(weights(raked)),
    mean = num(e$mean), mean_se = num(e$mean_se), total = num(e$total), total_se = num(e$total_se),
    by_cat_groups = str(e$by_cat$groups), by_cat_estimate = num(e$by_cat$estimate), by_cat_se = num(e$by_cat$se),
    degf = num(degf(raked)),
    logit_lower = num(confint(ci)[1]), logit_upper = num(confint(ci)[2]),
    likelihood_lower = num(confint(lik)[1]), likelihood_upper = num(confint(lik)[2])
  )
}

for (dataset in names(designs)) {
  d <- read(dataset)
  des <- designs[[dataset]](d)
  pop <- margins(d)
  calibration_case(dataset, "postStratify(group)", pop, postStratify(des, ~group, pop$group))
  calibration_case(dataset, "rake(group, cat)", pop, rake(des, list(~group, ~cat), list(pop$group, pop$cat)))
  calibration_case(dataset, "rake(group, cat) epsilon=1e-9 maxit=100", pop,
    rake(des, list(~group, ~cat), list(pop$group, pop$cat), control = list(maxit = 100, epsilon = 1e-9)))

  # na.rm = TRUE: y1 missing on every 7th row (R drops those rows as a domain).
  dm <- d; dm$y1[dm$id %% 7 == 0] <- NA
  dmis <- designs[[dataset]](dm)
  m <- svymean(~y1, dmis, na.rm = TRUE)
  add(dataset = sprintf('"%s"', dataset), analysis = '"svymean na.rm"', missing_every = "7",
      estimate = num(coef(m)), se = num(SE(m)), degf = num(degf(subset(dmis, !is.na(y1)))))

  # svyciprop "likelihood" in domains: the model frame is the domain's rows.
  for (level in c(0.95, 0.9)) {
    b <- svyby(~y1, ~group, des, svyciprop, method = "likelihood", level = level, vartype = "ci")
    add(dataset = sprintf('"%s"', dataset), analysis = '"svyby svyciprop likelihood"', by = '"group"', level = num(level),
        groups = str(as.character(b$group)), estimate = num(coef(b)), lower = num(b$ci_l), upper = num(b$ci_u))
  }
}

cat(sprintf('{"generator":"tests/reference/r-survey/generate.R","r":"%s","survey":"%s","cases":[\n%s\n]}\n',
  R.version.string, as.character(packageVersion("survey")), paste(cases, collapse = ",\n")))
