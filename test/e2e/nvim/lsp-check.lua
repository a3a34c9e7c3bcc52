-- Neovim (0.7+, headless) as a second, independent LSP client of accountable-lsp. Run by scripts/e2e/run-nvim.mjs:
--   nvim --headless --clean -n -S test/e2e/nvim/lsp-check.lua
-- Environment: ACCOUNTABLE_LSP (bin/accountable-lsp.js), ACCOUNTABLE_FILE (a draft to open),
-- ACCOUNTABLE_OUT (where to write the JSON results), ACCOUNTABLE_WAIT_MS (deadline of each wait).
-- It opens the draft, waits for diagnostics, asks for a hover and the code actions of the first finding,
-- then edits the flagged words "sex slaves" in place (an incremental change) and waits for that finding to
-- go. It only records what happened; the runner decides what passes.

local server = assert(os.getenv('ACCOUNTABLE_LSP'), 'ACCOUNTABLE_LSP is not set')
local file = assert(os.getenv('ACCOUNTABLE_FILE'), 'ACCOUNTABLE_FILE is not set')
local out_file = assert(os.getenv('ACCOUNTABLE_OUT'), 'ACCOUNTABLE_OUT is not set')
local wait_ms = tonumber(os.getenv('ACCOUNTABLE_WAIT_MS') or '20000')
local started = vim.loop.hrtime()
local function elapsed_ms() return math.floor((vim.loop.hrtime() - started) / 1e6) end

local result = { file = file, steps = {}, errors = {} }
local function step(name) table.insert(result.steps, { name = name, ms = elapsed_ms() }) end

local function finish()
	local handle = assert(io.open(out_file, 'w'))
	handle:write(vim.fn.json_encode(result))
	handle:close()
	vim.cmd('qa!')
end

local ok, err = pcall(function()
	local client_id = vim.lsp.start_client({
		name = 'accountable',
		cmd = { 'node', server, '--stdio' },
		root_dir = vim.fn.fnamemodify(file, ':p:h'),
		on_exit = function(code) result.server_exit = code end,
	})
	result.client_started = client_id ~= nil
	vim.cmd('edit ' .. vim.fn.fnameescape(file))
	result.filetype = vim.bo.filetype
	vim.lsp.buf_attach_client(0, client_id)
	local namespace = vim.lsp.diagnostic.get_namespace(client_id)

	local function diagnostics()
		local list = {}
		for _, d in ipairs(vim.diagnostic.get(0, { namespace = namespace })) do
			local lsp = (d.user_data or {}).lsp or {}
			table.insert(list, {
				lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
				source = d.source or lsp.source, code = d.code or lsp.code, message = d.message,
				href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
			})
		end
		return list
	end
	local function has_rule(list, id)
		for _, d in ipairs(list) do if d.code == id then return d end end
		return nil
	end

	result.diagnostics_arrived = vim.wait(wait_ms, function() return #diagnostics() > 0 end, 20)
	step('diagnostics')
	result.diagnostics = diagnostics()
	local client = vim.lsp.get_client_by_id(client_id)
	result.hover_provider = client and client.server_capabilities.hoverProvider and true or false

	local first = has_rule(result.diagnostics, 'conditional-services/cooperation-required') or result.diagnostics[1]
	if first then
		local position = { line = first.lnum, character = first.col + 2 }
		local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', {
			textDocument = vim.lsp.util.make_text_document_params(), position = position,
		}, wait_ms)
		result.hover = vim.NIL
		for _, response in pairs(hover or {}) do
			if response.result and response.result.contents then result.hover = response.result.contents.value or response.result.contents end
		end
		step('hover')

		-- What Neovim's own vim.lsp.buf.code_action() sends: the line's diagnostics converted back to LSP
		-- (user_data.lsp alone lacks source, range and message).
		local lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, first.lnum, {}, client_id)
		local actions = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', {
			textDocument = vim.lsp.util.make_text_document_params(),
			range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } },
			context = { diagnostics = lsp_diagnostics },
		}, wait_ms)
		result.code_actions = {}
		result.code_action_diagnostics = #lsp_diagnostics
		for _, response in pairs(actions or {}) do
			if response.err then table.insert(result.errors, 'codeAction: ' .. vim.inspect(response.err)) end
			for _, action in ipairs(response.result or {}) do table.insert(result.code_actions, action.title) end
		end
		step('code actions')
	end

	-- Replace "sex slaves" inside its line (an incremental didChange) and wait for that finding to go.
	local slavery = has_rule(result.diagnostics, 'framing/sensational-slavery-language')
	if slavery then
		vim.api.nvim_buf_set_text(0, slavery.lnum, slavery.col, slavery.end_lnum, slavery.end_col, { 'people' })
		result.edited_line = vim.api.nvim_buf_get_lines(0, slavery.lnum, slavery.lnum + 1, false)[1]
		result.finding_gone_after_edit = vim.wait(wait_ms, function()
			local now = diagnostics()
			return has_rule(now, 'framing/sensational-slavery-language') == nil and #now > 0
		end, 20)
		result.diagnostics_after_edit = diagnostics()
		step('edit')
	end
	vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
result.ms = elapsed_ms()
finish()
