package ai.worldforge.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Human causes of I/O failures, in the words of the operating system ({@code Permission denied},
 * {@code No such file or directory}) rather than Java exception class names, for messages users
 * read. Stateless and thread-safe.
 */
public final class IoErrors {
    private IoErrors() {}

    /** The cause of {@code error}, without the path (messages name the path themselves). */
    public static String reason(IOException error) {
        if (error instanceof LimitedInputStream.LimitExceeded limit) {
            return "the file is larger than the limit of " + limit.limit() + " bytes";
        } else if (error instanceof BoundedFiles.NotUtf8) {
            return error.getMessage();
        } else if (error instanceof NoSuchFileException) {
            return "No such file or directory";
        } else if (error instanceof AccessDeniedException) {
            return "Permission denied";
        } else if (error instanceof FileAlreadyExistsException) {
            return "File exists";
        } else if (error instanceof NotDirectoryException) {
            return "Not a directory";
        } else if (error instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        } else if (error instanceof FileSystemLoopException) {
            return "Too many levels of symbolic links";
        } else if (error instanceof MalformedInputException || error instanceof CharacterCodingException) {
            return "not UTF-8 text";
        } else if (error instanceof FileSystemException fs) {
            String reason = fs.getReason();
            if (reason != null && !reason.isBlank()) {
                return reason;
            }
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? "input/output error" : message;
    }
}
