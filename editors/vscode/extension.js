// factlint for VS Code: starts `factlint lsp` and hands it Markdown, plain-text and HTML documents.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("factlint").get("command", ["factlint"]);
  const server = { command: command[0], args: [...command.slice(1), "lsp"] };
  client = new LanguageClient("factlint", "factlint", server, {
    documentSelector: ["markdown", "plaintext", "html"].map((language) => ({ language })),
    synchronize: { configurationSection: "factlint" },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
