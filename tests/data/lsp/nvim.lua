-- Drives `claimgraph lsp` from Neovim's built-in client (0.7 API: `vim.lsp.start_client` and
-- `vim.lsp.buf_attach_client`; 0.8+ also has `vim.lsp.start`, which docs/src/editors.md shows).
-- Run by tests/cli/lsp/nvim.rs: `CLAIMGRAPH` is the binary, `ROOT` the workspace (claims in
-- `ROOT/claims`), `OUT` the file each step writes one line to. Any failure quits with status 1.
local root, out = vim.env.ROOT, {}
local function say(line) table.insert(out, line) end
local function finish(status)
  vim.fn.writefile(out, vim.env.OUT)
  vim.cmd((status == 0) and "qall!" or "cquit 1")
end
local function wait(what, ok)
  if not vim.wait(20000, ok, 20) then error("timed out waiting for " .. what) end
end
local function name(uri) return vim.fn.fnamemodify(vim.uri_to_fname(uri), ":t") end

local function run()
  local id = vim.lsp.start_client({ name = "claimgraph", cmd = { vim.env.CLAIMGRAPH, "lsp" }, root_dir = root })
  vim.cmd("edit " .. root .. "/claims/claims.yaml")
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, id)
  wait("initialize", function() local c = vim.lsp.get_client_by_id(id); return c and c.initialized end)

  -- An unsaved edit that names an unknown source: its diagnostic.
  vim.api.nvim_buf_set_lines(buf, 3, 4, true, { "    by: leee" })
  wait("diagnostics", function() return #vim.diagnostic.get(buf) > 0 end)
  local d = vim.diagnostic.get(buf)[1]
  say(("diagnostic %d:%d %s"):format(d.lnum, d.col, vim.split(d.message, "\n")[1]))
  vim.api.nvim_buf_set_lines(buf, 3, 4, true, { "    by: lee" })
  wait("diagnostics cleared", function() return #vim.diagnostic.get(buf) == 0 end)

  local function ask(method, line, col, extra)
    local params = vim.tbl_extend("force", {
      textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = col },
    }, extra or {})
    local answers, err = vim.lsp.buf_request_sync(buf, method, params, 20000)
    if not answers or not answers[id] then error(method .. ": no answer: " .. tostring(err)) end
    if answers[id].err then error(method .. ": " .. vim.inspect(answers[id].err)) end
    return answers[id].result
  end

  local def = ask("textDocument/definition", 3, 9)
  def = def[1] or def
  say(("definition %s:%d"):format(name(def.uri), def.range.start.line))
  local hover = ask("textDocument/hover", 3, 9)
  say("hover " .. vim.split(hover.contents.value, "\n")[1])

  -- Completion in a list of claims, on an unsaved line.
  vim.api.nvim_buf_set_lines(buf, -1, -1, true, { "    contradicts: [ga" })
  local items = ask("textDocument/completion", 7, 20).items
  local labels = vim.tbl_map(function(i) return i.label end, items)
  say("completion " .. table.concat(labels, " "))

  -- Rename `lee` from this buffer: the client applies the edit to every file.
  vim.api.nvim_win_set_cursor(0, { 4, 9 })
  vim.lsp.buf.rename("kai-fu-lee")
  wait("rename", function()
    local b = vim.fn.bufnr(root .. "/claims/sources.yaml")
    return b > 0 and vim.api.nvim_buf_get_lines(b, 1, 2, true)[1] == "  - id: kai-fu-lee"
  end)
  for _, file in ipairs({ "claims.yaml", "more.yaml", "sources.yaml" }) do
    local b = vim.fn.bufnr(root .. "/claims/" .. file)
    local n = 0
    for _, line in ipairs(vim.api.nvim_buf_get_lines(b, 0, -1, true)) do
      if line:find("kai-fu-lee", 1, true) then n = n + 1 end
    end
    say(("renamed %s %d"):format(file, n))
  end
  vim.lsp.stop_client(id)
end

local ok, err = pcall(run)
if not ok then say("error: " .. tostring(err)) end
finish(ok and 0 or 1)
