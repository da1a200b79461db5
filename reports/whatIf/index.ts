export { applyLevers, neutralLevers, whatIfFigures, type WhatIfFigures, type WhatIfLevers } from "./whatIfLevers.ts";
export { renderWhatIfPanel, type WhatIfPanelInput } from "./renderWhatIfPanel.ts";
export { WHAT_IF_PAGE_SCRIPT } from "./whatIfPageScript.ts";
