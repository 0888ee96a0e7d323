import { createServer } from "node:net";

export class PortInUse extends Error {
  override name = "PortInUse";
}

/**
 * Binds and releases the port before anything is written, so a port in use stops
 * the start with nothing created; for port 0 it returns the free port the system chose,
 * so the public URL (the OpenID issuer) can name it before the server listens. The
 * real listen can still lose a race; startTandem undoes a first start in that case.
 */
export function reservePort(port: number, host: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new PortInUse(`port ${port} on ${host} is already in use; set PORT to another port`),
        );
      } else if (error.code === "EACCES") {
        reject(
          new PortInUse(`port ${port} on ${host} needs privileges; set PORT to a port above 1023`),
        );
      } else {
        reject(error);
      }
    });
    probe.listen({ port, host, exclusive: true }, () => {
      const address = probe.address();
      const bound = typeof address === "object" && address ? address.port : port;
      probe.close(() => resolvePromise(bound));
    });
  });
}
