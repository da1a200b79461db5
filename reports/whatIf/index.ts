export { renderStoreWhatIfPanel, type StoreWhatIfPanelInput } from "./renderStoreWhatIfPanel.ts";
export { renderWhatIfPanel, type WhatIfPanelInput } from "./renderWhatIfPanel.ts";
export { formatStoreChange, formatStoreFigure, STORE_WHAT_IF_ROWS, type StoreFigureFormat } from "./storeWhatIfFormat.ts";
export {
  applyStoreLevers,
  neutralStoreLevers,
  type PolicyThreshold,
  policyThresholds,
  type StoreWhatIfFigures,
  type StoreWhatIfLevers,
  storeWhatIfFigures,
} from "./storeWhatIfLevers.ts";
export { STORE_WHAT_IF_PAGE_SCRIPT } from "./storeWhatIfPageScript.ts";
export { applyLevers, neutralLevers, type WhatIfFigures, type WhatIfLevers, whatIfFigures } from "./whatIfLevers.ts";
export { WHAT_IF_PAGE_SCRIPT } from "./whatIfPageScript.ts";
