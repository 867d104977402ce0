package ai.worldforge.internal;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.jspecify.annotations.Nullable;

/**
 * The cause of a failure in words a user can act on, never a Java class name: {@code Permission
 * denied: <path>} rather than {@code java.nio.file.AccessDeniedException: <path>}, {@code
 * connection refused} rather than {@code ConnectException}. The wording follows the operating
 * system's (and so Python's {@code OSError}) texts where one exists. Stateless.
 */
public final class ErrorText {
    private ErrorText() {}

    /**
     * Describes {@code error}: the operating-system reason and the path for file-system errors,
     * a phrase for network and decoding errors, otherwise the message, else the first cause with
     * a message, else a phrase naming the kind of failure.
     */
    public static String describe(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 8; depth++) {
            String known = known(current);
            if (known != null) {
                return known;
            }
            String message = current.getMessage();
            Throwable cause = current.getCause();
            // new RuntimeException(cause) copies cause.toString(), class name included.
            boolean copiedFromCause = cause != null && message != null && message.equals(cause.toString());
            if (message != null
                    && !message.isBlank()
                    && !copiedFromCause
                    && !(current instanceof UncheckedIOException)) {
                return message;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return error instanceof java.io.IOException || error instanceof UncheckedIOException
                ? "input/output error"
                : "unexpected internal error";
    }

    /**
     * {@link #describe} without the path of a file-system error, for messages that name the path
     * themselves ({@code Failed to load world 'w' from <path>: Permission denied}).
     */
    public static String reason(Throwable error) {
        return error instanceof FileSystemException fileSystem ? fileSystemReason(fileSystem) : describe(error);
    }

    /**
     * The reference's text for a file it could not read, Python's {@code OSError} as {@code
     * str(exc)} prints it: {@code [Errno 2] No such file or directory: '<shown>'}, {@code [Errno
     * 13] Permission denied: '<shown>'} or {@code [Errno 21] Is a directory: '<shown>'}; any other
     * failure as {@link #describe}. {@code shown} is the path as the user typed it.
     */
    public static String pythonReadError(Throwable error, java.nio.file.Path path, String shown) {
        if (error instanceof NoSuchFileException) {
            return "[Errno 2] No such file or directory: '" + shown + "'";
        }
        if (error instanceof AccessDeniedException) {
            return "[Errno 13] Permission denied: '" + shown + "'";
        }
        if (java.nio.file.Files.isDirectory(path)) {
            return "[Errno 21] Is a directory: '" + shown + "'";
        }
        return describe(error);
    }

    /** Whether {@code error} or one of its causes is a permission failure. */
    public static boolean isPermissionDenied(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 8; depth++) {
            if (current instanceof AccessDeniedException) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static @Nullable String known(Throwable error) {
        if (error instanceof FileSystemException fileSystem) {
            return fileSystem(fileSystem);
        }
        if (error instanceof LimitedInputStream.LimitExceeded limit) {
            return "the file is larger than the limit of " + limit.limit() + " bytes";
        }
        if (error instanceof BoundedFiles.NotUtf8) {
            return error.getMessage();
        }
        if (error instanceof CharacterCodingException) {
            return "the file is not UTF-8 text (is it a binary file?)";
        }
        if (error instanceof EOFException) {
            return "unexpected end of file";
        }
        if (error instanceof ClosedByInterruptException) {
            return "interrupted";
        }
        if (error instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (error instanceof HttpTimeoutException || error instanceof SocketTimeoutException) {
            return "request timed out";
        }
        if (error instanceof ConnectException) {
            return withDetail("connection refused", error.getMessage(), "Connection refused");
        }
        if (error instanceof NoRouteToHostException) {
            return withDetail("no route to host", error.getMessage(), "No route to host");
        }
        if (error instanceof UnknownHostException) {
            String host = error.getMessage();
            return host == null || host.isBlank() ? "unknown host" : "unknown host " + host;
        }
        return null;
    }

    private static String fileSystem(FileSystemException error) {
        String reason = fileSystemReason(error);
        String file = error.getFile();
        return file == null || file.isBlank() ? reason : reason + ": " + file;
    }

    private static String fileSystemReason(FileSystemException error) {
        String reason;
        if (error instanceof NoSuchFileException) {
            reason = "No such file or directory";
        } else if (error instanceof AccessDeniedException) {
            reason = "Permission denied";
        } else if (error instanceof FileAlreadyExistsException) {
            reason = "File exists";
        } else if (error instanceof DirectoryNotEmptyException) {
            reason = "Directory not empty";
        } else if (error instanceof NotDirectoryException) {
            reason = "Not a directory";
        } else if (error instanceof FileSystemLoopException) {
            reason = "Too many levels of symbolic links";
        } else {
            String given = error.getReason();
            reason = given == null || given.isBlank() ? "input/output error" : given;
        }
        return reason;
    }

    /** {@code phrase}, plus the message when it says more than the phrase itself. */
    private static String withDetail(String phrase, @Nullable String message, String redundant) {
        if (message == null || message.isBlank() || message.strip().equalsIgnoreCase(redundant)) {
            return phrase;
        }
        String detail = message.strip();
        return detail.toLowerCase(java.util.Locale.ROOT).startsWith(phrase) ? detail : phrase + " (" + detail + ")";
    }
}
