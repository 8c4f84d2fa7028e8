package eu.rathaus.web.catalogue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A response whose body is kept in memory instead of being sent, so that {@link PublicPageCache}
 * can add an ETag, answer 304 or keep the page once it knows the whole body. Nothing is committed
 * while the page renders: flushing is ignored. Errors and redirects go straight to the real
 * response (the container renders its error page there).
 */
final class CapturedResponse extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
  private PrintWriter writer;
  private ServletOutputStream stream;
  private int status = SC_OK;
  private boolean passedOn;

  CapturedResponse(HttpServletResponse response) {
    super(response);
  }

  /** The captured body; the writer is flushed first. */
  byte[] body() {
    if (writer != null) {
      writer.flush();
    }
    return body.toByteArray();
  }

  int status() {
    return status;
  }

  /** True once an error or a redirect went to the real response: nothing captured to send. */
  boolean passedOn() {
    return passedOn;
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
    super.setStatus(sc);
  }

  @Override
  public void sendError(int sc) throws IOException {
    status = sc;
    passedOn = true;
    super.sendError(sc);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    status = sc;
    passedOn = true;
    super.sendError(sc, msg);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    status = SC_FOUND;
    passedOn = true;
    super.sendRedirect(location);
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (stream == null) {
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              body.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              body.write(b, off, len);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new UnsupportedOperationException("blocking capture only");
            }
          };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
      writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
    }
    return writer;
  }

  @Override
  public void flushBuffer() {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public boolean isCommitted() {
    return passedOn || super.isCommitted();
  }

  @Override
  public void resetBuffer() {
    if (writer != null) {
      writer.flush();
    }
    body.reset();
  }

  @Override
  public void reset() {
    resetBuffer();
    status = SC_OK;
    super.reset();
  }

  @Override
  public void setContentLength(int len) {
    // The real length is set when the captured body is sent.
  }

  @Override
  public void setContentLengthLong(long len) {
    // as above
  }
}
