// The store's automation contract: every `data-test` value its pages and widget carry. Synthetic
// checks and tests select by these (`[data-test="add-to-cart"]`), never by classes or text, so the
// look can change without breaking them. README.md lists where each appears.

/** Fixed data-test values. */
export const DATA_TEST = {
  // every page
  page: "page",
  storeHome: "store-home",
  cartLink: "cart-link",
  cartCount: "cart-count",
  demoBanner: "demo-banner",
  errorMessage: "error-message",
  // product list and product page
  productList: "product-list",
  productCard: "product-card",
  productLink: "product-link",
  productName: "product-name",
  productPrice: "product-price",
  productDescription: "product-description",
  productDetail: "product-detail",
  quantity: "quantity",
  addToCart: "add-to-cart",
  // cart
  cartEmpty: "cart-empty",
  cartLine: "cart-line",
  cartLineName: "cart-line-name",
  cartLineQuantity: "cart-line-quantity",
  cartLineTotal: "cart-line-total",
  cartUpdate: "cart-update",
  cartRemove: "cart-remove",
  checkoutStart: "checkout-start",
  // order summary (cart, checkout, confirmation)
  orderSummary: "order-summary",
  summaryLine: "summary-line",
  cartSubtotal: "cart-subtotal",
  shipping: "shipping",
  tax: "tax",
  fees: "fees",
  total: "total",
  totalsNote: "totals-note",
  freeShippingNote: "free-shipping-note",
  // checkout
  checkoutProgress: "checkout-progress",
  checkoutForm: "checkout-form",
  checkoutId: "checkout-id",
  checkoutContinue: "checkout-continue",
  checkoutBack: "checkout-back",
  formErrors: "form-errors",
  reviewDetails: "review-details",
  // confirmation
  orderConfirmation: "order-confirmation",
  orderId: "order-id",
  orderTotal: "order-total",
  continueShopping: "continue-shopping",
  // chat widget
  chatWidget: "chat-widget",
  chatHelpButton: "chat-help-button",
  chatInvitation: "chat-invitation",
  chatInvitationText: "chat-invitation-text",
  chatAccept: "chat-accept",
  chatDismiss: "chat-dismiss",
  chatPanel: "chat-panel",
  chatStatus: "chat-status",
  chatQueuePosition: "chat-queue-position",
  chatExpectedWait: "chat-expected-wait",
  chatGiveUp: "chat-give-up",
  chatMessages: "chat-messages",
  chatMessage: "chat-message",
  chatInput: "chat-input",
  chatSend: "chat-send",
  chatEnd: "chat-end",
  chatRating: "chat-rating",
  chatRatingComment: "chat-rating-comment",
  chatRatingSubmit: "chat-rating-submit",
  chatRatingThanks: "chat-rating-thanks",
  chatClose: "chat-close",
  chatError: "chat-error",
  chatOfflineForm: "chat-offline-form",
  chatOfflineInput: "chat-offline-input",
  chatOfflineSend: "chat-offline-send",
  chatOfflineThanks: "chat-offline-thanks",
  // agent console
  agentSignIn: "agent-sign-in",
  agentName: "agent-name",
  agentPassword: "agent-password",
  agentSignInSubmit: "agent-sign-in-submit",
  agentSignOut: "agent-sign-out",
  teamLink: "team-link",
  agentConsole: "agent-console",
  agentStatus: "agent-status",
  agentOnlineToggle: "agent-online-toggle",
  agentCapacity: "agent-capacity",
  agentQueueState: "agent-queue-state",
  queueItem: "queue-item",
  queueTake: "queue-take",
  queueEmpty: "queue-empty",
  agentChat: "agent-chat",
  agentChatMessage: "agent-chat-message",
  agentReplyInput: "agent-reply-input",
  agentReplySend: "agent-reply-send",
  agentChatClose: "agent-chat-close",
  agentChatContext: "agent-chat-context",
  agentTransferTo: "agent-transfer-to",
  cannedReply: "canned-reply",
  agentTransfer: "agent-transfer",
  messageTime: "message-time",
  queueWait: "queue-wait",
  notifyToggle: "notify-toggle",
  shortcutsHelp: "shortcuts-help",
  // team page
  teamFigures: "team-figures",
  teamRow: "team-row",
  teamExportCsv: "team-export-csv",
  teamExportJson: "team-export-json",
  transcripts: "transcripts",
  transcript: "transcript",
  transcriptQuery: "transcript-query",
} as const;

/** The input (or radio group) of checkout field `name`. */
export const fieldTest = (name: string): string => `field-${name}`;
/** One radio button of choice field `name`. */
export const fieldOptionTest = (name: string, option: string): string => `field-${name}-${option}`;
/** The error message under checkout field `name`. */
export const fieldErrorTest = (name: string): string => `field-error-${name}`;
/** One step in the checkout progress bar. */
export const progressStepTest = (step: string): string => `checkout-progress-${step}`;
