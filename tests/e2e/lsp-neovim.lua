-- Drives Neovim's built-in LSP client against `learn lsp`; run by tests/e2e/lsp-neovim.test.ts as
--   nvim --headless --clean -c "luafile lsp-neovim.lua"   with LEARN_NVIM_* in the environment.
-- Each step appends "ok <step>" to the report file; a failure writes "fail <step>: why" and exits 1.
local root = os.getenv("LEARN_NVIM_ROOT")
local report = io.open(os.getenv("LEARN_NVIM_REPORT"), "w")
local function say(line)
  report:write(line .. "\n")
  report:flush()
end
local function fail(step, why)
  say("fail " .. step .. ": " .. tostring(why))
  vim.cmd("cquit 1")
end
local function wait(step, ms, cond)
  if not vim.wait(ms, cond, 20) then fail(step, "timed out") end
end

local ok, err = pcall(function()
  vim.cmd("edit " .. root .. "/notes/new-note.md")
  local buf = vim.api.nvim_get_current_buf()
  local config = {
    name = "learn",
    cmd = { os.getenv("LEARN_NVIM_NODE"), os.getenv("LEARN_NVIM_BIN"), "lsp" },
    root_dir = root,
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else -- Neovim 0.7 (Debian 12): start_client + attach
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
  wait("start", 15000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized and vim.lsp.buf_is_attached(buf, client_id)
  end)
  say("ok start")

  -- completion for [[idem, accepted by applying the item's text edit
  -- as in insert mode, the cursor sits after the typed "[[idem" (normal mode would clamp it onto the "m")
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = 3, character = 10 } }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, 10000) or {}
  local item
  for _, r in pairs(responses) do
    local items = r.result and (r.result.items or r.result) or {}
    item = items[1]
  end
  if not item then fail("completion", "no items") end
  vim.lsp.util.apply_text_edits({ item.textEdit }, buf, "utf-16")
  local line = vim.api.nvim_buf_get_lines(buf, 3, 4, false)[1]
  if line ~= "See [[idempotency-keys]]" then fail("completion", "line is " .. line) end
  say("ok completion " .. item.label)

  -- a broken link brings a diagnostic; fixing it takes it away
  vim.api.nvim_buf_set_lines(buf, 3, 4, false, { "See [[idempotency-kyes]]" })
  wait("diagnostic", 10000, function()
    return #vim.diagnostic.get(buf) > 0
  end)
  say("ok diagnostic " .. vim.diagnostic.get(buf)[1].message)
  vim.api.nvim_buf_set_lines(buf, 3, 4, false, { "See [[idempotency-keys]]" })
  wait("fixed", 10000, function()
    return #vim.diagnostic.get(buf) == 0
  end)
  say("ok fixed")

  -- go to definition jumps to the linked note
  vim.api.nvim_win_set_cursor(0, { 4, 8 })
  vim.lsp.buf.definition()
  wait("definition", 10000, function()
    return vim.api.nvim_buf_get_name(0):match("idempotency%-keys%.md$") ~= nil
  end)
  say("ok definition " .. vim.api.nvim_buf_get_name(0))
end)
if not ok then fail("script", err) end
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.cmd("qall!")
