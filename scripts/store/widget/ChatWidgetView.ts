import { DATA_TEST } from "../dataTestAttributes.ts";
import { formatWait } from "./formatWait.ts";
import type { WidgetChat } from "./WidgetBootstrap.ts";

/** What the view reports back to the controller. */
export interface ChatWidgetActions {
  help(): void;
  accept(): void;
  dismiss(): void;
  send(text: string): void;
  leave(): void;
  close(): void;
  rate(rating: number, comment: string): void;
  /** The shopper typed in the message box (the widget throttles what it tells the server). */
  typing(): void;
  /** The desk is closed and the shopper sent the help form's message. */
  leaveMessage(text: string): void;
}

/**
 * The widget's DOM: the "Need help?" button, the invitation card and the chat panel. Every piece of
 * text goes in through textContent, never markup, so chat messages (untrusted) can only ever be
 * text: `<img src=x onerror=alert(1)>` shows as those characters.
 */
export class ChatWidgetView {
  readonly #root: HTMLElement;
  readonly #actions: ChatWidgetActions;
  readonly #help: HTMLButtonElement;
  readonly #invitation: HTMLElement;
  readonly #invitationText: HTMLElement;
  readonly #panel: HTMLElement;
  readonly #status: HTMLElement;
  readonly #queue: HTMLElement;
  readonly #position: HTMLElement;
  readonly #wait: HTMLElement;
  readonly #giveUp: HTMLButtonElement;
  readonly #messages: HTMLElement;
  readonly #form: HTMLFormElement;
  readonly #input: HTMLInputElement;
  readonly #end: HTMLButtonElement;
  readonly #typing: HTMLElement;
  readonly #close: HTMLButtonElement;
  readonly #error: HTMLElement;
  readonly #rating: HTMLFormElement;
  readonly #ratingThanks: HTMLElement;
  readonly #offline: HTMLFormElement;
  readonly #offlineThanks: HTMLElement;

  constructor(root: HTMLElement, actions: ChatWidgetActions) {
    this.#root = root;
    this.#actions = actions;
    this.#help = button("cs-help", DATA_TEST.chatHelpButton, "Need help? Chat with us", () => actions.help());
    this.#help.prepend(element("span", "cs-help-dot"));

    this.#invitation = element("div", "cs-invitation", DATA_TEST.chatInvitation);
    this.#invitation.setAttribute("role", "dialog");
    this.#invitation.setAttribute("aria-label", "Chat invitation");
    const avatar = element("div", "cs-avatar");
    avatar.append(chatIcon());
    const title = element("p", "cs-invitation-title");
    title.textContent = "Can we help?";
    this.#invitationText = element("p", "cs-invitation-text", DATA_TEST.chatInvitationText);
    const choices = element("div", "cs-invitation-actions");
    choices.append(
      button("cs-primary", DATA_TEST.chatAccept, "Chat now", () => actions.accept()),
      button("cs-secondary", DATA_TEST.chatDismiss, "No thanks", () => actions.dismiss()),
    );
    const body = element("div", "cs-invitation-body");
    body.append(title, this.#invitationText, choices);
    this.#invitation.append(avatar, body);

    this.#panel = element("section", "cs-panel", DATA_TEST.chatPanel);
    this.#panel.setAttribute("aria-label", "Chat");
    const header = element("header", "cs-panel-header");
    const heading = element("h2", "cs-panel-title");
    heading.textContent = "Chat with us";
    this.#close = button("cs-icon", DATA_TEST.chatClose, "×", () => actions.close());
    this.#close.setAttribute("aria-label", "Close chat");
    header.append(heading, this.#close);
    this.#status = element("p", "cs-status", DATA_TEST.chatStatus);
    this.#queue = element("div", "cs-queue");
    const positionLine = element("p", "cs-queue-line");
    this.#position = element("strong", "", DATA_TEST.chatQueuePosition);
    positionLine.append(text("You are number "), this.#position, text(" in the queue"));
    const waitLine = element("p", "cs-queue-line");
    this.#wait = element("strong", "", DATA_TEST.chatExpectedWait);
    waitLine.append(text("Expected wait: "), this.#wait);
    this.#giveUp = button("cs-secondary", DATA_TEST.chatGiveUp, "Stop waiting", () => actions.leave());
    this.#queue.append(positionLine, waitLine, this.#giveUp);
    this.#messages = element("ol", "cs-messages", DATA_TEST.chatMessages);
    this.#messages.setAttribute("aria-live", "polite");
    this.#error = element("p", "cs-error", DATA_TEST.chatError);
    this.#form = element("form", "cs-compose") as HTMLFormElement;
    this.#input = element("input", "cs-input", DATA_TEST.chatInput) as HTMLInputElement;
    this.#input.type = "text";
    this.#input.maxLength = 2000;
    this.#input.placeholder = "Type a message…";
    this.#input.setAttribute("aria-label", "Message");
    const send = element("button", "cs-primary", DATA_TEST.chatSend) as HTMLButtonElement;
    send.type = "submit";
    send.textContent = "Send";
    this.#form.append(this.#input, send);
    this.#input.addEventListener("input", () => actions.typing());
    this.#typing = element("p", "cs-status", DATA_TEST.chatTyping);
    this.#typing.setAttribute("aria-live", "polite");
    this.#form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = this.#input.value.trim();
      if (value === "") return;
      this.#input.value = "";
      actions.send(value);
    });
    this.#end = button("cs-link", DATA_TEST.chatEnd, "End chat", () => actions.leave());
    [this.#rating, this.#ratingThanks] = ratingForm(actions);
    this.#panel.append(header, this.#status, this.#queue, this.#messages, this.#typing, this.#error, this.#form, this.#end, this.#rating, this.#ratingThanks);

    [this.#offline, this.#offlineThanks] = offlineForm(actions);
    root.append(this.#invitation, this.#panel, this.#offline, this.#offlineThanks, this.#help);
    this.#show(this.#offline, false);
    this.#show(this.#offlineThanks, false);
    this.#show(this.#invitation, false);
    this.#show(this.#panel, false);
    this.#show(this.#help, false);
  }

  setHelpVisible(visible: boolean): void {
    this.#show(this.#help, visible);
  }

  /** Outside opening hours the help button offers a message form instead of a chat. */
  setDeskClosed(): void {
    this.#help.lastChild!.textContent = "Leave us a message";
  }

  /** Shows the message form (desk closed), or after sending, its thank-you line. */
  showOfflineForm(sent: boolean): void {
    this.#show(this.#offline, !sent);
    this.#show(this.#offlineThanks, sent);
  }

  showInvitation(message: string): void {
    this.#invitationText.textContent = message;
    this.#show(this.#invitation, true);
  }

  hideInvitation(): void {
    this.#show(this.#invitation, false);
  }

  /** Whether the chat panel is shown (it docks on the right of a wide screen). */
  get panelVisible(): boolean {
    return !this.#panel.hidden;
  }

  get invitationVisible(): boolean {
    return !this.#invitation.hidden;
  }

  showError(message: string | null): void {
    this.#error.textContent = message ?? "";
    this.#show(this.#error, message !== null);
  }

  /** Shows `chat` in the panel, or hides the panel for null. */
  renderChat(chat: WidgetChat | null): void {
    this.#show(this.#panel, chat !== null);
    this.#root.classList.toggle("cs-open", chat !== null);
    if (chat === null) return;
    const queued = chat.status === "queued";
    const ended = chat.status === "ended";
    this.#status.textContent = queued
      ? "Waiting for the next available agent…"
      : ended
        ? chat.endedBy === "shopper"
          ? "You left the chat."
          : chat.endedBy === "restart" || chat.endedBy === "disconnected"
            ? "The chat was interrupted. Start a new one any time."
            : "The agent ended the chat. Thanks for chatting with us!"
        : `You are chatting with ${chat.agentName ?? "an agent"}.`;
    this.#root.dataset.chatStatus = chat.status;
    this.#typing.textContent = chat.agentTyping ? `${chat.agentName ?? "The agent"} is typing…` : "";
    this.#show(this.#queue, queued);
    this.#position.textContent = chat.position === null ? "" : String(chat.position);
    this.#wait.textContent = formatWait(chat.expectedWaitSeconds);
    this.#show(this.#form, !ended);
    this.#show(this.#end, chat.status === "active");
    // Rating: after a chat an agent took has ended, once.
    const rateable = ended && chat.agentName !== null && chat.endedBy !== "restart" && chat.endedBy !== "disconnected";
    this.#show(this.#rating, rateable && chat.rating === null);
    this.#show(this.#ratingThanks, rateable && chat.rating !== null);
    this.#renderMessages(chat);
  }

  #renderMessages(chat: WidgetChat): void {
    const items = chat.messages.map((message) => {
      const item = element("li", `cs-message cs-from-${message.from}`, DATA_TEST.chatMessage);
      item.dataset.from = message.from;
      if (message.from !== "system") {
        const author = element("span", "cs-author");
        author.textContent = message.from === "shopper" ? "You" : message.author;
        item.append(author);
      }
      const body = element("span", "cs-text");
      body.textContent = message.text;
      item.append(body);
      return item;
    });
    this.#messages.replaceChildren(...items);
    this.#messages.scrollTop = this.#messages.scrollHeight;
  }

  focusInput(): void {
    this.#input.focus();
  }

  #show(node: HTMLElement, visible: boolean): void {
    node.hidden = !visible;
  }
}

/** The closed desk's help form: a message answered later, and its thank-you line. */
function offlineForm(actions: ChatWidgetActions): [HTMLFormElement, HTMLElement] {
  const form = element("form", "cs-panel", DATA_TEST.chatOfflineForm) as HTMLFormElement;
  const note = element("p", "cs-status");
  note.textContent = "We are closed right now. Leave a message and we will get back to you.";
  const input = textArea(DATA_TEST.chatOfflineInput, 2000, "Message");
  form.append(note, input, submitButton(DATA_TEST.chatOfflineSend, "Send message"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (value !== "") actions.leaveMessage(value);
  });
  const thanks = element("p", "cs-status", DATA_TEST.chatOfflineThanks);
  thanks.textContent = "Thanks, we will reply as soon as we open.";
  return [form, thanks];
}

/** The post-chat rating: five radio buttons (1–5 stars), an optional comment and a submit button. */
function ratingForm(actions: ChatWidgetActions): [HTMLFormElement, HTMLElement] {
  const form = element("form", "cs-rating", DATA_TEST.chatRating) as HTMLFormElement;
  const fieldset = element("fieldset", "cs-rating-scale");
  const legend = element("legend", "");
  legend.textContent = "How did we do?";
  fieldset.append(legend);
  for (let score = 1; score <= 5; score++) {
    const label = element("label", "cs-rating-option");
    const input = element("input", "", `${DATA_TEST.chatRating}-${score}`) as HTMLInputElement;
    input.type = "radio";
    input.name = "rating";
    input.value = String(score);
    input.required = true;
    label.append(input, text(` ${score}`));
    label.title = `${score} of 5`;
    fieldset.append(label);
  }
  const comment = textArea(DATA_TEST.chatRatingComment, 1000, "Comment (optional)");
  comment.rows = 2;
  comment.placeholder = "Anything to add? (optional)";
  form.append(fieldset, comment, submitButton(DATA_TEST.chatRatingSubmit, "Send rating"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name="rating"]:checked');
    if (chosen) actions.rate(Number(chosen.value), comment.value);
  });
  const thanks = element("p", "cs-status", DATA_TEST.chatRatingThanks);
  thanks.textContent = "Thanks for your rating!";
  return [form, thanks];
}

function textArea(dataTest: string, maxLength: number, label: string): HTMLTextAreaElement {
  const area = element("textarea", "cs-input", dataTest) as HTMLTextAreaElement;
  area.maxLength = maxLength;
  area.setAttribute("aria-label", label);
  return area;
}

function submitButton(dataTest: string, label: string): HTMLButtonElement {
  const submit = element("button", "cs-primary", dataTest) as HTMLButtonElement;
  submit.type = "submit";
  submit.textContent = label;
  return submit;
}

function element(tag: string, className: string, dataTest?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (dataTest) node.dataset.test = dataTest;
  return node;
}

/** A speech-bubble icon drawn as SVG (an emoji would depend on the visitor's fonts). */
function chatIcon(): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "22");
  svg.setAttribute("height", "22");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", "M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6c-.5.4-1.3.1-1.3-.6V16A2.5 2.5 0 0 1 4 13.5z");
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}

function text(value: string): Text {
  return document.createTextNode(value);
}

function button(className: string, dataTest: string, label: string, onClick: () => void): HTMLButtonElement {
  const node = element("button", className, dataTest) as HTMLButtonElement;
  node.type = "button";
  node.textContent = label;
  node.addEventListener("click", onClick);
  return node;
}
