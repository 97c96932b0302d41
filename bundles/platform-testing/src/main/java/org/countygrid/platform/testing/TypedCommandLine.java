package org.countygrid.platform.testing;

import org.apache.karaf.shell.api.console.CommandLine;

/** The command line {@code command typed} with the cursor at the end of {@code typed}, the argument being completed. */
public record TypedCommandLine(String command, String typed) implements CommandLine {

    @Override
    public int getCursorArgumentIndex() {
        return 1;
    }

    @Override
    public String getCursorArgument() {
        return typed;
    }

    @Override
    public int getArgumentPosition() {
        return typed.length();
    }

    @Override
    public String[] getArguments() {
        return new String[] { command, typed };
    }

    @Override
    public int getBufferPosition() {
        return getBuffer().length();
    }

    @Override
    public String getBuffer() {
        return command + " " + typed;
    }
}
