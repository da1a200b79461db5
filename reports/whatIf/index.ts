export { renderWhatIfPanel, type WhatIfPanelInput } from "./renderWhatIfPanel.ts";
export { applyLevers, neutralLevers, type WhatIfFigures, type WhatIfLevers, whatIfFigures } from "./whatIfLevers.ts";
export { WHAT_IF_PAGE_SCRIPT } from "./whatIfPageScript.ts";
