package org.synlab.host.internal;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FileInstall's log (java.util.logging, logger {@code fileinstall}) to SLF4J as one line per
 * event: a plugin that cannot resolve reads as "Error while starting bundle ...: missing
 * requirement ..." instead of a stack trace through the framework's start-up.
 */
final class FileInstallLog extends Handler {

    private static final Logger LOG = LoggerFactory.getLogger("fileinstall");
    /** Held so the configuration is not lost when java.util.logging drops unreferenced loggers. */
    private static final java.util.logging.Logger JUL = java.util.logging.Logger.getLogger("fileinstall");

    private FileInstallLog() {
    }

    static synchronized void install() {
        for (Handler handler : JUL.getHandlers()) {
            if (handler instanceof FileInstallLog) {
                return;
            }
        }
        JUL.setUseParentHandlers(false);
        JUL.addHandler(new FileInstallLog());
    }

    @Override
    public void publish(LogRecord record) {
        Throwable thrown = record.getThrown();
        String message = thrown == null ? record.getMessage() : record.getMessage() + ": " + thrown.getMessage();
        int level = record.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) {
            LOG.error(message);
        } else if (level >= Level.WARNING.intValue()) {
            LOG.warn(message);
        } else if (level >= Level.INFO.intValue()) {
            LOG.info(message);
        } else {
            LOG.debug(message, thrown);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
