# One image for coordinators and workers: the project checked out, dependencies installed.
# Workers and the coordinator must run the same build (they check it: package version + task code hash).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
ENTRYPOINT ["node", "scripts/bin/convsim.mjs"]
CMD ["--help"]
