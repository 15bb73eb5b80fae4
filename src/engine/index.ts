/**
 * The engine's one export list. Pure TypeScript: no Office, no DOM, no Node APIs.
 */
export { issue, ok, fail, pushAll, distinctIssues } from "./issues";
export type { Issue, IssueCode, IssueParams, Path, Result } from "./issues";
export { MESSAGES, isIssueCode, showValue } from "./messages";
export type { MessageParams, Msg } from "./messages";
export { formatIssue, formatIssues, formatPath } from "./issue-text";
export { SETTING_LABELS, SHEET_LABELS, placeOf } from "./labels";
export { LANGS, fill, placeholders, textIn } from "./i18n";
export type { Bilingual, Lang, TextParams } from "./i18n";
export { isBlank, excelErrorText, readNumberCell, readYearCell, numericLookalike, UncachedFormula } from "./cells";
export type { Cell } from "./cells";
export { parseSeries, seriesFromArrays, countValues, valueAt, indexOfYear } from "./series";
export type { Series, SeriesNames, ParseSeriesOptions } from "./series";
export { movingAverage } from "./smooth";
export { nearestNames, editDistance, isSlipOf } from "./nearest";
export {
  findPeak,
  peakIndex,
  peakAt,
  plateauStart,
  peakGap,
  checkPeakOptions,
  hasPeak,
  PEAK_OPTIONS,
  PEAK_STATUSES,
  DEFAULT_MIN_POINTS,
  STRICT_PEAK_OPTIONS,
  MAX_CONFIRM_YEARS,
  MAX_SMOOTH_YEARS,
} from "./peak";
export type { Peak, PeakOptions, PeakStatus } from "./peak";
export { peakInfo, describePeak, PEAK_FLAGS } from "./peak-info";
export type { PeakFlag, PeakInfo } from "./peak-info";
export { STATUS_LABELS, FLAG_LABELS, statusLabel, flagLabel, flagLegend, peakRuleText } from "./peak-labels";
export { declineKind, declineFlag } from "./decline";
export type { DeclineDrivers, DeclineReading } from "./decline";
export { clusterSeries, sumMembers } from "./cluster";
export type { ClusterSeries, Member, MemberGap } from "./cluster";
export { clusterPeak, clusterIssues, missingIssues, commonYears } from "./cluster-peak";
export type { ClusterPeak, MemberBeyond, YearMissing } from "./cluster-peak";
export { convert, normalizeUnit, unitOf, unitLabel, unitInText, tonnesPer, GJ_PER_TCE } from "./units";
export type { UnitKind } from "./units";
export { logMean, logRatio } from "./decomposition/log-mean";
export { readFactorMatrix, checkFactorMatrix, matrixShape } from "./decomposition/factor-matrix";
export type { FactorMatrix } from "./decomposition/factor-matrix";
export { lmdi, subcategoryTerms, parseLmdiMode } from "./decomposition/lmdi";
export type { LmdiMode, LmdiResult, SubcategoryTerms } from "./decomposition/lmdi";
export { kaya, kayaMatrix, checkKaya, KAYA_FACTORS } from "./decomposition/kaya";
export type { KayaInput, KayaFactors } from "./decomposition/kaya";
// indicators over a window of years (CUMULATIVE, INTENSITYCHANGE, KAYA)
export { checkWindow, valuedSpan, missingYears, yearRanges, valueInYear, WINDOW_NAMES } from "./window";
export type { WindowNames, YearValueNames } from "./window";
export { cumulative } from "./cumulative";
export type { Cumulative, CumulativeNames } from "./cumulative";
export { intensityChange, intensityChangeOf } from "./intensity";
export type { IntensityChange, IntensityNames } from "./intensity";
export { kayaDecomposition, kayaFactorPair, checkKayaLimits } from "./decomposition/kaya";
export type { KayaYears } from "./decomposition/kaya";
export { scenarioDecomposition } from "./decomposition/scenario-decomposition";
export type { DecompositionRow, KayaEffects } from "./decomposition/scenario-decomposition";
export { cellIndex } from "./layout";
export type { Dims } from "./layout";
// Scenario input: the zod schemas, the types they produce, field validation (below the run and the Monte Carlo).
export {
  settingsSchema,
  SETTINGS_DEFAULTS,
  inventoryRowSchema,
  activityRowSchema,
  driverRowSchema,
  leverRowSchema,
  socioRowSchema,
  targetRowSchema,
  TARGET_PARAMS,
  LEVER_KINDS,
  KIND_PARAMS,
  DEFAULT_ELASTICITY,
} from "./input/schema";
export type {
  ScenarioInput,
  Settings,
  InventoryRow,
  ActivityRow,
  DriverRow,
  LeverRow,
  SocioRow,
  TargetRow,
  LeverKind,
  Targets,
  SourceRef,
  UncertainColumns,
} from "./input/schema";
export { RAMP_SHAPES, parseRampShape } from "./input/ramp-shapes";
export type { RampShape } from "./input/ramp-shapes";
export { DIST_KINDS, parseDistKind } from "./input/dist-kinds";
export type { DistKind } from "./input/dist-kinds";
export { ALL_WORDS, isAllWord, splitNames } from "./input/names";
export { driverDistChecks, leverDistChecks } from "./input/dist-columns";
export { fromZodIssues, cellOf } from "./input/zod-issues";
export { parseScenarioInput, parseScenarioParts } from "./input/parse";
export type { ParsedParts } from "./input/parse";
// The scenario run and the pure cores behind the CARBON functions PROJECT, RAMP, SECTORREDUCTION, COMBINE, ALIGNBEST.
export { project, compound } from "./scenario/project";
export { ramp, rampFraction, rampPath, S_CURVE_STEEPNESS } from "./scenario/ramp";
export type { RampSegment } from "./scenario/ramp";
export { sectorReduction } from "./scenario/sector-reduction";
export { combine, combineShares } from "./scenario/combine";
export { alignBest, alignBestShares } from "./scenario/align-best";
export { attributeLogShares, logShareWeight } from "./scenario/attribution";
export { compileScenario, EMISSIONS, MAX_HORIZON } from "./scenario/compile";
export type { CompileOptions } from "./scenario/compile";
export type { ScenarioModel, CompiledLever, CompiledActivity, RateTable } from "./scenario/model";
export { baselineEmissions, activityPaths } from "./scenario/drivers";
export { leverEffect } from "./scenario/levers";
export type { LeverEffect } from "./scenario/levers";
export { runScenarios, runModel } from "./scenario/run";
export { leverLogSum, scenarioEmissions } from "./scenario/log-sum";
export { coordinationBenefit } from "./scenario/coordination";
export { scenarioPeaks, peakRow, peakOptionsOf } from "./scenario/peaks";
export { cityTotals, sectorTotals, clusterTotal, emissionsOf, emissionRows, reductionRows, leverReduction, basisOf } from "./scenario/results";
export type { ScenarioResults, ScenarioReductions, LeverSummary, PeakRow, CoordinationBenefit, EmissionRow, ReductionRow, Basis } from "./scenario/results";
// Driver-based scenarios: measured history, Kaya growth, socio-economic levels, indicators, targets (docs/model.md §3–§12).
export { compileHistory, unmeasuredHistoryYear } from "./scenario/history";
export type { History, FilledCell } from "./scenario/history";
export { cellGrowthAt, cityGrowth, compoundFrom, resolveCell, resolveCity, cellRates, cityRates } from "./scenario/growth";
export type { KayaTables, CityRates, CellRates } from "./scenario/growth";
export { kayaPaths } from "./scenario/kaya-paths";
export type { KayaPaths } from "./scenario/kaya-paths";
export { compileSocio, emptySocio } from "./scenario/socio";
export type { SocioLevels } from "./scenario/socio";
export { compileTargets, evaluateTargets } from "./scenario/targets";
export type { CompiledTarget, TargetResult, TargetStatus } from "./scenario/targets";
export { scenarioIndicators } from "./scenario/indicators";
export type { Indicators, IndicatorSeries } from "./scenario/indicators";
export { cityFactors, historyIndex, rateInYear } from "./scenario/drivers";
export {
  DRIVER_VARIABLES,
  CITY_VARIABLES,
  SOCIO_VARIABLES,
  TARGET_KINDS,
  SHOCK_MODES,
  parseDriverVariable,
  parseSocioVariable,
  parseTargetKind,
  parseShockMode,
} from "./input/driver-words";
export type { DriverVariable, KayaVariable, SocioVariable, TargetKind, ShockMode } from "./input/driver-words";
export { socioFactor, SOCIO_BASE_UNIT, SOCIO_UNIT_EXAMPLES } from "./input/socio-units";
export { columnLetters, columnNumber, quoteSheetName, cellAddress, rangeAddress, parseAddress, MAX_COLUMN, MAX_ROW } from "./inventory/address";
export type { ParsedAddress } from "./inventory/address";
export { makeGrid, gridAt, gridCell, gridWidth, gridAddress, cellText } from "./inventory/grid";
export type { Grid } from "./inventory/grid";
export { headerRole, headerYear, headerUnit, isTotalLabel, isFuelHeader, matrixColumnKind, EXPECTED_HEADERS } from "./inventory/headers";
export type { HeaderRole, MatrixColumnKind } from "./inventory/headers";
export { detectLayout, layoutOfShape } from "./inventory/detect";
export type { InventoryLayout, LayoutShape, LayoutDetection, YearColumn, MatrixColumn } from "./inventory/detect";
export { TOTAL_SECTOR, inventoryIndex, inventoryValue, inventorySource, inventoryTonnes, inventoryRowsForYear, unitStated } from "./inventory/model";
export type { Inventory, InventoryYearRow } from "./inventory/model";
export type { UnitOptions, StatedUnit } from "./inventory/unit-source";
export { regionOfSheet, yearOfSheet, DEFAULT_REGION } from "./inventory/region";
export type { RegionOptions } from "./inventory/region";
export { beyondRounding } from "./inventory/totals";
export { readLong, longRows } from "./inventory/read-long";
export { readWide, wideRows } from "./inventory/read-wide";
export { readMatrix, matrixRows, regionYearOfSheet, TOTAL_TOLERANCE } from "./inventory/read-matrix";
export type { MatrixOptions } from "./inventory/read-matrix";
export {
  readInventory,
  readInventoryChunked,
  inventorySteps,
  inventoryProgressFraction,
  readCancelled,
  isReadCancelled,
  DEFAULT_SLICE_CELLS,
} from "./inventory/read";
export type { ReadInventoryOptions, ChunkOptions, CancelSignal } from "./inventory/read";
export { rowSteps, runSteps, rowsPerSlice } from "./inventory/rows";
export type { RowReader, InventoryProgress } from "./inventory/rows";
export { findInventoryGrid, readInventoryFromSheets, planInventoryRead, finishInventoryRead, readPlanChunked, unitInNotes, noteUnitOf } from "./inventory/find";
export type { FoundInventory, InventoryPlan } from "./inventory/find";
export { mergeInventories } from "./inventory/merge";
export { summarizeInventory } from "./inventory/summary";
export type { InventorySummary, RegionTotals } from "./inventory/summary";
export { selectCities } from "./inventory/select";
export { inventoryAtYear, latestCommonYear, cityYears, yearSpans, parseFillRule, fillGroups, FILL_RULES } from "./inventory/base-year";
export type { FillRule, FilledValue, RowsAtYear } from "./inventory/base-year";
export { inventoryPeaks, parseClusterSpec, cityTotalSeries } from "./inventory-peaks";
export type { ClusterSpec, InventoryPeak } from "./inventory-peaks";
export { xoshiro128ss, splitmix64, seeded, checkSeed } from "./uncertainty/prng";
export type { Prng } from "./uncertainty/prng";
export { checkDist, standardNormal, triangularQuantile, uniformQuantile, drawVariate, fromVariate, draw, rowDist } from "./uncertainty/distributions";
export type { DistSpec } from "./uncertainty/distributions";
export { percentiles, percentileSorted } from "./uncertainty/percentiles";
export { runMonteCarlo, compileMonteCarlo, startMonteCarlo, runChunk, finishMonteCarlo, MAX_DRAWS, DEFAULT_CHUNK } from "./uncertainty/montecarlo";
export type {
  MonteCarloModel,
  MonteCarloOptions,
  MonteCarloResult,
  MonteCarloRow,
  MonteCarloRun,
  SampleStats,
  UncertainDriver,
  UncertainLever,
} from "./uncertainty/montecarlo";
export { oneAtATime, SENSITIVITY_QUANTILES } from "./uncertainty/sensitivity";
export type { ClusterOutcome, Sensitivity, SensitivityRow } from "./uncertainty/sensitivity";
