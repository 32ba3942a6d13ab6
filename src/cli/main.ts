// Entry point: decides the mode. The TUI is imported dynamically, only when it runs.
process.stdout.write("signaldesk: under construction\n");
