import { DATA_TEST } from "../dataTestAttributes.ts";
import { csrfField } from "./csrfField.ts";
import { html, type SafeHtml } from "./html.ts";
import { csrfMeta, STORE_BRAND } from "./layout.ts";

/** The console pages' frame: header, stylesheet, CSRF meta, and the console script when asked. */
export function agentShell(title: string, body: SafeHtml, script: boolean, csrfToken: string): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${STORE_BRAND} agents</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/store.css">
${csrfMeta(csrfToken)}
</head>
<body class="agent-body" data-page="agent">
<header class="site-header agent-header"><div class="wrap header-row"><span class="brand"><span class="brand-mark" aria-hidden="true"></span>${STORE_BRAND} · Agent console</span></div></header>
<main class="wrap">${body}</main>
${script && html`<script src="/assets/agent.js" defer></script>`}
</body>
</html>
`;
}

/** Sign-in with username and password (accounts from the users file or `--demo`). */
export function agentSignInPage(error: string | null, csrfToken: string): SafeHtml {
  return agentShell(
    "Sign in",
    html`<section class="panel narrow">
  <h1>Agent sign-in</h1>
  ${error !== null && html`<p class="alert" role="alert" data-test="${DATA_TEST.errorMessage}">${error}</p>`}
  <form method="post" action="/agent/sign-in" data-test="${DATA_TEST.agentSignIn}">
    ${csrfField(csrfToken)}
    <div class="field"><label for="agent-name">Username</label><input id="agent-name" name="username" autocomplete="username" required maxlength="40" data-test="${DATA_TEST.agentName}"></div>
    <div class="field"><label for="agent-password">Password</label><input id="agent-password" name="password" type="password" autocomplete="current-password" required maxlength="200" data-test="${DATA_TEST.agentPassword}"></div>
    <button class="button primary" type="submit" data-test="${DATA_TEST.agentSignInSubmit}">Sign in</button>
  </form>
</section>`,
    false,
    csrfToken,
  );
}

/** The console shell; agent.js fills it from the live event stream. */
export function agentConsolePage(agentName: string, concurrency: number, csrfToken: string, role: "agent" | "admin"): SafeHtml {
  return agentShell(
    "Console",
    html`<div class="console" data-test="${DATA_TEST.agentConsole}" data-concurrency="${concurrency}">
  <section class="panel console-side">
    <h2>${agentName}</h2>
    <p><span class="status-dot" data-test="${DATA_TEST.agentStatus}">connecting…</span></p>
    <p><button class="button small" type="button" data-test="${DATA_TEST.agentOnlineToggle}">Go offline</button>
    <button class="button small" type="button" data-test="${DATA_TEST.agentAwayToggle}">Away</button></p>
    <form class="inline" method="post" action="/agent/sign-out">${csrfField(csrfToken)}<button class="link-button" type="submit" data-test="${DATA_TEST.agentSignOut}">Sign out</button></form>
    ${role === "admin" && html`<p><a href="/team" data-test="${DATA_TEST.teamLink}">Team page</a></p>`}
    <p><button class="button small" type="button" data-test="${DATA_TEST.notifyToggle}">Desktop notifications</button></p>
    <p class="muted small" data-test="${DATA_TEST.shortcutsHelp}">Keys: <kbd>Alt</kbd>+<kbd>T</kbd> take the next chat · <kbd>Enter</kbd> send · <kbd>Alt</kbd>+<kbd>C</kbd> close the chat you are typing in · <kbd>Alt</kbd>+<kbd>O</kbd> online/offline · <kbd>Alt</kbd>+<kbd>A</kbd> away/back</p>
    <p class="muted" data-test="${DATA_TEST.agentCapacity}"></p>
    <p class="muted" data-test="${DATA_TEST.agentQueueState}"></p>
    ${
      role === "admin" &&
      html`<details><summary>Canned replies (team)</summary>
      <label for="canned-editor" class="small">One reply per line; every console gets them at once.</label>
      <textarea id="canned-editor" rows="5" maxlength="20000" data-test="${DATA_TEST.cannedRepliesEditor}"></textarea>
      <button class="button small" type="button" data-test="${DATA_TEST.cannedRepliesSave}">Save replies</button></details>`
    }
    <h2>Queue</h2>
    <ul class="queue" id="queue"></ul>
  </section>
  <section class="console-chats" id="chats"></section>
</div>`,
    true,
    csrfToken,
  );
}
